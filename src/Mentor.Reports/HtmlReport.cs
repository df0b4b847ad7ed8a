using System.Globalization;
using System.Text;
using Mentor.Evaluation;
using static System.Net.WebUtility;

namespace Mentor.Reports;

/// <summary>
/// Renders a <see cref="ReportData"/> as one self-contained HTML page: every image inlined as a data URI,
/// inline CSS, no script, no external URL. Sections appear only for the data present; every string from the
/// data is HTML-escaped.
/// </summary>
public static class HtmlReport
{
    /// <summary>The page as a string.</summary>
    /// <exception cref="MentorException">Plot text cannot be drawn: no font on this machine (the message names the package to install).</exception>
    public static string Render(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var figures = FigureCatalog.For(data);
        var html = new StringBuilder(1 << 20);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(HtmlEncode(data.Title)).Append("</title>\n")
            .Append("<style>\n").Append(ReportStyleSheet.Css).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<header>\n<h1>").Append(HtmlEncode(data.Title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(data.Subtitle)) html.Append("<p class=\"subtitle\">").Append(HtmlEncode(data.Subtitle)).Append("</p>\n");
        html.Append("</header>\n");

        if (data.Summary.Count > 0)
        {
            OpenSection(html, "summary", "Summary");
            Facts(html, data.Summary);
            html.Append("</section>\n");
        }

        Figures(html, figures, FigureCatalog.ShotsSection, "Accuracy by examples per class", null);

        if (data.Evaluation is { } metrics)
        {
            var name = string.IsNullOrWhiteSpace(data.EvaluationName) ? "Evaluation" : $"Evaluation: {data.EvaluationName}";
            Figures(html, figures, FigureCatalog.EvaluationSection, name, h => Facts(h, Headline(metrics)));
        }

        if (data.Mistakes.Count > 0)
        {
            OpenSection(html, "mistakes", "Mistakes");
            html.Append("<p>Photos the classifier got wrong: true class &rarr; predicted class (the probability it gave its answer).</p>\n");
            MistakeGallery.Append(html, data.Mistakes);
            html.Append("</section>\n");
        }

        Figures(html, figures, FigureCatalog.TrainingSection, "Training curves", null);
        html.Append("<footer>Made by Mentor. This file is self-contained: images are embedded, nothing is fetched.</footer>\n")
            .Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Renders the page and writes it to <paramref name="path"/> atomically (UTF-8), creating its folder if needed.</summary>
    public static void Write(ReportData data, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Render(data));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    private static void Figures(StringBuilder html, IReadOnlyList<ReportFigure> all, string section, string heading, Action<StringBuilder>? intro)
    {
        var figures = all.Where(f => f.Section == section).ToList();
        if (figures.Count == 0) return;
        OpenSection(html, section, heading);
        intro?.Invoke(html);
        html.Append("<div class=\"figures\">\n");
        foreach (var figure in figures)
        {
            // Shown at its own pixel size (sharp, legible text), narrower only on a smaller screen.
            html.Append("<figure class=\"plot\" id=\"").Append(figure.Id)
                .Append(CultureInfo.InvariantCulture, $"\" style=\"width: {figure.Width}px\">")
                .Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(figure.Draw()))
                .Append("\" alt=\"").Append(HtmlEncode(figure.Alt))
                .Append(CultureInfo.InvariantCulture, $"\" width=\"{figure.Width}\" height=\"{figure.Height}\">")
                .Append("<figcaption>").Append(HtmlEncode(figure.Caption)).Append("</figcaption></figure>\n");
        }
        html.Append("</div>\n</section>\n");
    }

    private static void OpenSection(StringBuilder html, string id, string heading) =>
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(HtmlEncode(heading)).Append("</h2>\n");

    private static void Facts(StringBuilder html, IEnumerable<ReportFact> facts)
    {
        html.Append("<table class=\"facts\">\n");
        foreach (var fact in facts)
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(fact.Label)).Append("</th><td>").Append(HtmlEncode(fact.Value)).Append("</td></tr>\n");
        html.Append("</table>\n");
    }

    private static List<ReportFact> Headline(ClassificationMetrics metrics)
    {
        static string Percent(double v) => string.Create(CultureInfo.InvariantCulture, $"{v * 100:0.0}%");
        var facts = new List<ReportFact>
        {
            new("Images", metrics.Images.ToString("N0", CultureInfo.InvariantCulture)),
            new("Accuracy", Percent(metrics.Accuracy)),
            new("Balanced accuracy (mean recall over classes)", Percent(metrics.BalancedAccuracy)),
            new("Macro F1", metrics.MacroF1.ToString("0.000", CultureInfo.InvariantCulture)),
        };
        if (metrics.Labels.Count > 5) facts.Add(new("Top-5 accuracy", Percent(metrics.Top5Accuracy)));
        facts.Add(new("Log loss", metrics.LogLoss.ToString("0.000", CultureInfo.InvariantCulture)));
        return facts;
    }
}
