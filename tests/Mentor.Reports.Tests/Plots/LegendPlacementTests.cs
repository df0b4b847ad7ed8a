using Mentor.Reports.Plots;
using Mentor.Reports.Tests.Support;
using ScottPlot;

namespace Mentor.Reports.Tests.Plots;

/// <summary>
/// A legend must hide no data: every drawn point of every series lies inside the data area and outside the
/// legend's rectangle, at the report's size and at a phone's.
/// </summary>
public sealed class LegendPlacementTests
{
    // The committed clothing comparison: from scratch, with all the data, stayed near chance after its budget,
    // a point at the lower right, exactly where a lower-right legend used to sit.
    private static ShotsComparison ClothingLike()
    {
        var shots = SampleReport.Shots(SampleReport.Methods[..3]);
        var scratch = new MethodResults("from scratch", [new ShotResult(SampleReport.AllPerClass, true, [0.134, 0.134, 0.134], [256, 256, 256])]);
        return new ShotsComparison([.. shots.Methods, scratch]);
    }

    public static TheoryData<string, int, int> Cases() => new()
    {
        { "shots", 900, 520 }, { "shots", 390, 300 },
        { "time", 900, 520 }, { "time", 390, 300 },
        { "loss", 550, 520 }, { "accuracy", 550, 520 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_point_of_any_series_lies_under_the_legend(string figure, int width, int height)
    {
        var curves = new[] { SampleReport.Curve("fine-tuned", 8, 41, 0.75, 0.93), SampleReport.Curve("from scratch", 25, 12, 0.2, 0.58) };
        var (loss, accuracy) = figure is "loss" or "accuracy" ? TrainingCurvesPlot.Build(curves) : (null!, null);
        using var plot = figure switch
        {
            "shots" => AccuracyByShotsPlot.Build(ClothingLike()),
            "time" => AccuracyByTimePlot.Build(ClothingLike()),
            "loss" => Keep(loss, accuracy),
            _ => Keep(accuracy!, loss),
        };

        plot.GetImageBytes(width, height, ImageFormat.Png);
        var data = plot.RenderManager.LastRender.DataRect;
        var legend = LegendRectangle(plot, data, width, height);
        var points = plot.GetPlottables<ScottPlot.Plottables.Scatter>().SelectMany(s => s.Data.GetScatterPoints()).ToList();

        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var pixel = plot.GetPixel(point);
            Assert.True(Inside(data, pixel), $"{figure}: point ({point.X:0.###}, {point.Y:0.###}) is drawn outside the data area");
            Assert.False(Inside(legend, pixel), $"{figure}: point ({point.X:0.###}, {point.Y:0.###}) at {pixel} lies under the legend {legend}");
        }
    }

    // The legend's rectangle in pixels: a band along one edge when it is a panel outside the data area,
    // otherwise the box drawn inside the data area at its alignment.
    private static PixelRect LegendRectangle(Plot plot, PixelRect data, int width, int height)
    {
        var panel = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().FirstOrDefault();
        if (panel is not null)
            return panel.Edge switch
            {
                Edge.Bottom => new PixelRect(0, width, height, data.Bottom),
                Edge.Top => new PixelRect(0, width, data.Top, 0),
                Edge.Left => new PixelRect(0, data.Left, height, 0),
                _ => new PixelRect(data.Right, width, height, 0),
            };
        Assert.True(plot.Legend.IsVisible, "the plot shows no legend at all");
        var size = plot.Legend.LastRenderSize;
        return new PixelRect(size).AlignedInside(data, plot.Legend.Alignment, plot.Legend.Margin);
    }

    private static bool Inside(PixelRect rect, Pixel pixel) =>
        pixel.X >= rect.Left && pixel.X <= rect.Right && pixel.Y >= rect.Top && pixel.Y <= rect.Bottom;

    private static Plot Keep(Plot keep, Plot? drop)
    {
        drop?.Dispose();
        return keep;
    }
}
