using Mentor.Reports.Plots;
using Mentor.Reports.Tests.Support;

namespace Mentor.Reports.Tests.Plots;

/// <summary>
/// Every plot, drawn from realistic data at two sizes: a real PNG of exactly the asked size with something drawn
/// on it. The larger copies are kept in <c>plots/</c> beside the test assembly to look at.
/// </summary>
public sealed class PlotRenderingTests
{
    private static readonly ReportData Sample = SampleReport.Data();

    private static readonly Dictionary<string, Func<int, int, byte[]>> Plots = new()
    {
        [ReportFigures.AccuracyByShots] = (w, h) => AccuracyByShotsPlot.Render(Sample.Shots!, w, h),
        [ReportFigures.AccuracyByTime] = (w, h) => AccuracyByTimePlot.Render(Sample.Shots!, w, h),
        [ReportFigures.ConfusionMatrix] = (w, h) => ConfusionMatrixPlot.Render(Sample.Evaluation!, w, h),
        [ReportFigures.PerClassF1] = (w, h) => PerClassF1Plot.Render(Sample.Evaluation!, w, h),
        [ReportFigures.TrainingCurves] = (w, h) => TrainingCurvesPlot.Render(Sample.TrainingCurves, w, h),
    };

    public static TheoryData<string, int, int> Cases()
    {
        var cases = new TheoryData<string, int, int>();
        foreach (var id in Plots.Keys)
        {
            cases.Add(id, 320, 240);
            cases.Add(id, id == ReportFigures.TrainingCurves ? 1100 : 900, id == ReportFigures.ConfusionMatrix ? 900 : 520);
        }
        return cases;
    }

    [Fact]
    public void Every_figure_of_the_realistic_report_has_a_plot_here()
    {
        Assert.Equal(Plots.Keys.Order(), ReportFigures.Names(Sample).Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_plot_is_a_png_of_the_asked_size_with_lines_and_text_drawn(string id, int width, int height)
    {
        var png = Plots[id](width, height);

        Assert.True(Png.IsPng(png), $"{id} is not a PNG");
        var (w, h, colours, inked) = Png.Inspect(png);
        Assert.Equal((width, height), (w, h));
        Assert.True(colours >= 16, $"{id} has only {colours} colours");
        Assert.InRange(inked, 0.02, 0.9);
        if (width > 320) Png.Keep("plots", $"{id}.png", png);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_plot_has_its_title_written_in_black_above_the_data(string id, int width, int height)
    {
        // Without a usable font ScottPlot draws every label blank and the band above the data stays white.
        var png = Plots[id](width, height);

        Assert.InRange(Png.DarkShareOfTop(png, 24.0 / height), 0.005, 0.5);
    }

    [Fact]
    public void A_size_below_the_minimum_is_refused_before_drawing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccuracyByShotsPlot.Render(Sample.Shots!, 10, 400));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingCurvesPlot.Render(Sample.TrainingCurves, 800, 99_999));
    }

    [Fact]
    public void Accuracy_by_time_has_nothing_to_draw_without_measured_seconds()
    {
        var untimed = SampleReport.Shots(SampleReport.Methods, withSeconds: false);

        Assert.False(AccuracyByTimePlot.HasData(untimed));
        Assert.True(AccuracyByTimePlot.HasData(Sample.Shots!));
        Assert.Throws<ArgumentException>(() => AccuracyByTimePlot.Render(untimed, 600, 400));
    }

    [Fact]
    public void Training_curves_without_validation_draw_the_loss_panel_alone()
    {
        var curves = new[] { SampleReport.Curve("fine-tuned", 6, 30, 0.5, 0.9, withValidation: false) };

        var (w, h, colours, _) = Png.Inspect(TrainingCurvesPlot.Render(curves, 700, 400));

        Assert.Equal((700, 400), (w, h));
        Assert.True(colours >= 16);
    }
}
