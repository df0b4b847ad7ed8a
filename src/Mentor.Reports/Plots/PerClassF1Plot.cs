using System.Globalization;
using Mentor.Evaluation;
using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>F1 of each class as horizontal bars, class names on the left, the first class on top.</summary>
public static class PerClassF1Plot
{
    /// <summary>A height, in pixels, that gives each of <paramref name="classes"/> bars room for its label.</summary>
    public static int SuggestedHeight(int classes) => Math.Clamp(140 + 34 * classes, 300, 4000);

    /// <summary>Draws the per-class F1 of <paramref name="metrics"/> as a PNG of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] Render(ClassificationMetrics metrics, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var classes = metrics.PerClass;
        if (classes.Count == 0) throw new ArgumentException("the metrics have no classes", nameof(metrics));
        using var plot = PlotCanvas.Create("F1 per class");
        var n = classes.Count;
        var bars = classes.Select((c, i) => new Bar
        {
            Position = n - 1 - i,
            Value = c.F1,
            FillColor = PlotCanvas.Series(0),
            Label = c.F1.ToString("0.00", CultureInfo.InvariantCulture),
            Orientation = Orientation.Horizontal,
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 12;

        AxisLabels.LeftTopDown(plot, classes.Select(c => $"{c.Label} (n={c.Support})").ToList());
        plot.XLabel("F1 (harmonic mean of precision and recall)");
        plot.Axes.SetLimits(0, 1.1, -0.6, n - 0.4);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [0, 0.2, 0.4, 0.6, 0.8, 1.0], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        plot.Grid.YAxisStyle.IsVisible = false;
        return PlotCanvas.Png(plot, width, height);
    }
}
