using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>Test accuracy against examples per class: one line per method, error bars of one standard deviation over repeats.</summary>
public static class AccuracyByShotsPlot
{
    /// <summary>
    /// Draws <paramref name="shots"/> as a PNG of <paramref name="width"/> x <paramref name="height"/> pixels; a method's
    /// colour is its place in <paramref name="methodOrder"/> when given (the report's names, shared by its figures).
    /// </summary>
    public static byte[] Render(ShotsComparison shots, int width, int height, IReadOnlyList<string>? methodOrder = null)
    {
        PlotCanvas.CheckSize(width, height);
        using var plot = Build(shots, methodOrder);
        return PlotCanvas.Png(plot, width, height);
    }

    /// <summary>The plot before rendering; the caller disposes it.</summary>
    internal static Plot Build(ShotsComparison shots, IReadOnlyList<string>? methodOrder = null)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var plot = PlotCanvas.Create("Accuracy by examples per class");
        var axis = new ShotAxis(shots);
        foreach (var method in shots.Methods)
        {
            var points = method.Points.Where(p => p.Accuracies.Count > 0).OrderBy(axis.PositionOf).ToList();
            if (points.Count == 0) continue;
            var xs = points.Select(axis.PositionOf).ToArray();
            var ys = points.Select(p => p.MeanAccuracy).ToArray();
            var color = PlotCanvas.Series(method.Method, methodOrder, shots.Methods.Select(x => x.Method));
            var errors = plot.Add.ErrorBar(xs, ys, points.Select(p => p.StdAccuracy).ToArray());
            errors.Color = color;
            errors.LineWidth = 1.5f;
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = method.Method;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        plot.Axes.Bottom.SetTicks(axis.Positions, axis.Labels);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.XLabel("training examples per class");
        plot.YLabel("test accuracy");
        PlotCanvas.PercentTicks(plot.Axes.Left);
        plot.Axes.SetLimits(-0.4, axis.Positions.Length - 0.6, 0, 1.02);
        PlotCanvas.LegendBelow(plot);
        return plot;
    }
}
