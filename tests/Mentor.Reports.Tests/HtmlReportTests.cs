using Mentor.Reports.Tests.Support;

namespace Mentor.Reports.Tests;

/// <summary>The realistic report (<see cref="SampleReport"/>): one self-contained page with every figure and escaped text.</summary>
public sealed class HtmlReportTests
{
    private static readonly string[] AllFigures =
        [ReportFigures.AccuracyByShots, ReportFigures.AccuracyByTime, ReportFigures.ConfusionMatrix, ReportFigures.PerClassF1, ReportFigures.TrainingCurves];

    [Fact]
    public void Every_figure_the_data_calls_for_is_one_inlined_png_with_an_alt_text_and_a_caption()
    {
        var html = SampleReport.Html;

        Assert.Equal(AllFigures, ReportFigures.Names(SampleReport.Data()));
        Assert.Equal(AllFigures, Html.FigureIds(html));
        foreach (var id in AllFigures)
        {
            var figure = Html.Figure(html, id);
            Assert.NotNull(figure);
            var image = Assert.Single(Html.Images(figure));
            Assert.Contains("src=\"data:image/png;base64,", image);
            Assert.Matches("alt=\"[^\"]{20,}\"", image);
            Assert.Matches("<figcaption>[^<]{30,}</figcaption>", figure);
            var png = Convert.FromBase64String(System.Text.RegularExpressions.Regex.Match(image, "base64,([^\"]+)").Groups[1].Value);
            Assert.True(Png.IsPng(png), id);
        }
    }

    [Fact]
    public void The_page_has_all_sections_in_order_and_one_jpeg_thumbnail_per_mistake()
    {
        var html = SampleReport.Html;

        Assert.Equal(["summary", "shots", "evaluation", "mistakes", "training"], Html.SectionIds(html));
        Assert.Equal(6, Html.Images(html).Count(i => i.Contains("src=\"data:image/jpeg;base64,")));
        Assert.Equal(5 + 6, Html.Images(html).Count);
        Assert.Contains("<b>shirt</b> &rarr; t-shirt (81%)", html);
        Assert.Contains("Examples per class transfer learning needs to match from-scratch training with all data", html);
        Assert.Contains("Evaluation: fine-tuned, test set", html);
        Assert.Contains("<th scope=\"row\">Top-5 accuracy</th>", html);
    }

    [Fact]
    public void The_page_is_self_contained_no_url_no_script_no_stylesheet_link()
    {
        var html = SampleReport.Html;

        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("src=\"/", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotContain("@import", html);
        Assert.All(Html.Images(html), image => Assert.Matches("src=\"data:image/(png|jpeg);base64,", image));
    }

    [Fact]
    public void Labels_paths_and_names_with_markup_characters_are_escaped()
    {
        string[] labels = [.. SampleReport.Labels];
        labels[5] = "shirt <slim & fit>";
        var data = SampleReport.Data(labels, ["logistic <C=1> & friends", .. SampleReport.Methods.Skip(1)]) with
        {
            Title = "Report <b>bold</b> & \"quoted\"",
            Subtitle = "/data/<script>alert(1)</script>",
            Summary = [new ReportFact("x < y & z", "<1%>")],
            EvaluationName = "test & <validation>",
        };

        var html = HtmlReport.Render(data);

        Assert.DoesNotContain("<slim", html);
        Assert.DoesNotContain("<b>bold", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<C=1>", html);
        Assert.Contains("shirt &lt;slim &amp; fit&gt;", html);
        Assert.Contains("Report &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;", html);
        Assert.Contains("/data/&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("<th scope=\"row\">x &lt; y &amp; z</th><td>&lt;1%&gt;</td>", html);
        Assert.Contains("Evaluation: test &amp; &lt;validation&gt;", html);
        Assert.Equal(5, Html.FigureIds(html).Count);
    }

    [Fact]
    public void Write_puts_exactly_the_rendered_page_on_disk_as_utf8_and_leaves_no_temporary_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentor-reports-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "nested", "report.html");
        var data = new ReportData { Title = "Zürich – ünïcödé", Evaluation = SampleReport.Evaluation(SampleReport.Labels) };
        try
        {
            HtmlReport.Write(data, path);
            HtmlReport.Write(data, path); // overwrites in place

            var bytes = File.ReadAllBytes(path);
            Assert.NotEqual(0xEF, bytes[0]); // no byte-order mark
            Assert.Equal(HtmlReport.Render(data), System.Text.Encoding.UTF8.GetString(bytes));
            Assert.Equal(["report.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
