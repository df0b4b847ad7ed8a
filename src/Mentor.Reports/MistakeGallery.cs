using System.Globalization;
using System.Text;
using Mentor.Imaging;
using static System.Net.WebUtility;

namespace Mentor.Reports;

/// <summary>The mistakes section: one thumbnail per misclassified photo, or a note when a photo cannot be read.</summary>
internal static class MistakeGallery
{
    public static void Append(StringBuilder html, IReadOnlyList<Mistake> mistakes)
    {
        html.Append("<div class=\"gallery\">\n");
        foreach (var mistake in mistakes)
        {
            var file = HtmlEncode(Path.GetFileName(mistake.Path));
            var verdict = $"<b>{HtmlEncode(mistake.TrueLabel)}</b> &rarr; {HtmlEncode(mistake.PredictedLabel)} "
                + string.Create(CultureInfo.InvariantCulture, $"({mistake.Confidence * 100:0}%)");
            html.Append("<figure class=\"thumb\">");
            if (TryThumbnail(mistake.Path, out var jpeg, out var problem))
                html.Append("<img src=\"data:image/jpeg;base64,").Append(Convert.ToBase64String(jpeg))
                    .Append("\" alt=\"Misclassified photo ").Append(file).Append(": true class ").Append(HtmlEncode(mistake.TrueLabel))
                    .Append(", predicted ").Append(HtmlEncode(mistake.PredictedLabel)).Append("\">");
            else
                html.Append("<div class=\"unreadable\">photo could not be read</div>");
            html.Append("<figcaption>").Append(verdict).Append("<span class=\"file\" title=\"").Append(HtmlEncode(mistake.Path)).Append("\">")
                .Append(problem is null ? file : $"{file}: {HtmlEncode(problem)}").Append("</span></figcaption></figure>\n");
        }
        html.Append("</div>\n");
    }

    private static bool TryThumbnail(string path, out byte[] jpeg, out string? problem)
    {
        try
        {
            jpeg = Thumbnail.Jpeg(path);
            problem = null;
            return true;
        }
        catch (Exception e) when (e is ImageDecodeException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            jpeg = [];
            problem = e switch
            {
                ImageDecodeException decode => decode.Reason,
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                _ => e.Message,
            };
            return false;
        }
    }
}
