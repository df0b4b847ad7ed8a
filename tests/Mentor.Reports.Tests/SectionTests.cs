using Mentor.Reports.Tests.Support;

namespace Mentor.Reports.Tests;

/// <summary>Only the data present makes sections: a plain training run has no shots, a run without fine-tuning no curves.</summary>
public sealed class SectionTests
{
    [Fact]
    public void A_title_alone_makes_a_page_with_no_section_and_no_image()
    {
        var data = new ReportData { Title = "nothing yet" };

        var html = HtmlReport.Render(data);

        Assert.Empty(ReportFigures.Names(data));
        Assert.Empty(Html.SectionIds(html));
        Assert.Empty(Html.Images(html));
        Assert.Contains("<h1>nothing yet</h1>", html);
        Assert.DoesNotContain("class=\"subtitle\"", html);
    }

    [Fact]
    public void A_single_training_run_has_evaluation_mistakes_and_curves_but_no_shots()
    {
        var data = SampleReport.Data() with { Shots = null, Summary = [] };

        var html = HtmlReport.Render(data);

        Assert.Equal([ReportFigures.ConfusionMatrix, ReportFigures.PerClassF1, ReportFigures.TrainingCurves], ReportFigures.Names(data));
        Assert.Equal(["evaluation", "mistakes", "training"], Html.SectionIds(html));
        Assert.Equal(ReportFigures.Names(data), Html.FigureIds(html));
    }

    [Fact]
    public void A_run_without_fine_tuning_or_mistakes_has_no_curves_and_no_gallery()
    {
        var data = SampleReport.Data() with { TrainingCurves = [], Mistakes = [], Shots = null };

        var html = HtmlReport.Render(data);

        Assert.Equal(["summary", "evaluation"], Html.SectionIds(html));
        Assert.Equal([ReportFigures.ConfusionMatrix, ReportFigures.PerClassF1], Html.FigureIds(html));
        Assert.DoesNotContain("image/jpeg", html);
    }

    [Fact]
    public void Shots_without_measured_seconds_show_accuracy_by_shots_but_not_by_time()
    {
        var data = new ReportData { Title = "shots", Shots = SampleReport.Shots(SampleReport.Methods, withSeconds: false) };

        var html = HtmlReport.Render(data);

        Assert.Equal([ReportFigures.AccuracyByShots], ReportFigures.Names(data));
        Assert.Equal(["shots"], Html.SectionIds(html));
        Assert.Contains("over 3 repeats", html);
        Assert.Contains("about 307 examples per class", html);
    }

    [Fact]
    public void Curves_without_validation_are_described_as_loss_only_and_empty_curves_are_ignored()
    {
        var data = new ReportData
        {
            Title = "curves",
            TrainingCurves = [SampleReport.Curve("fine-tuned", 5, 20, 0.5, 0.9, withValidation: false), new TrainingCurve("empty", [])],
        };

        var figure = Html.Figure(HtmlReport.Render(data), ReportFigures.TrainingCurves);

        Assert.NotNull(figure);
        Assert.Contains("alt=\"Line plot: training loss per epoch\"", figure);
        Assert.Empty(ReportFigures.Names(data with { TrainingCurves = [new TrainingCurve("empty", [])] }));
    }
}
