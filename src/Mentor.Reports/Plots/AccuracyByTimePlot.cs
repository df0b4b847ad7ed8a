using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>Test accuracy against training time (log scale): one line per method, each point one number of examples per class.</summary>
public static class AccuracyByTimePlot
{
    /// <summary>True when some point of <paramref name="shots"/> has a positive measured training time to draw.</summary>
    public static bool HasData(ShotsComparison shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        return shots.Methods.Any(m => m.Points.Any(Drawable));
    }

    /// <summary>
    /// Draws <paramref name="shots"/> as a PNG of <paramref name="width"/> x <paramref name="height"/> pixels; a method's
    /// colour is its place in <paramref name="methodOrder"/> when given (the report's names, shared by its figures).
    /// </summary>
    /// <exception cref="ArgumentException">No point has a measured training time (see <see cref="HasData"/>).</exception>
    public static byte[] Render(ShotsComparison shots, int width, int height, IReadOnlyList<string>? methodOrder = null)
    {
        PlotCanvas.CheckSize(width, height);
        using var plot = Build(shots, methodOrder);
        return PlotCanvas.Png(plot, width, height);
    }

    /// <summary>The plot before rendering; the caller disposes it.</summary>
    internal static Plot Build(ShotsComparison shots, IReadOnlyList<string>? methodOrder = null)
    {
        if (!HasData(shots)) throw new ArgumentException("no result has both an accuracy and a positive training time", nameof(shots));
        var plot = PlotCanvas.Create("Accuracy by training time");
        var all = shots.Methods.SelectMany(m => m.Points).Where(Drawable).ToList();
        var (low, high) = LogSecondsAxis.Apply(plot.Axes.Bottom, all.Min(p => p.MeanSeconds), all.Max(p => p.MeanSeconds));
        foreach (var method in shots.Methods)
        {
            var points = method.Points.Where(Drawable).OrderBy(p => p.IsAll).ThenBy(p => p.ExamplesPerClass).ToList();
            if (points.Count == 0) continue;
            var color = PlotCanvas.Series(method.Method, methodOrder, shots.Methods.Select(x => x.Method));
            var xs = points.Select(p => LogSecondsAxis.Position(p.MeanSeconds)).ToArray();
            var ys = points.Select(p => p.MeanAccuracy).ToArray();
            var line = plot.Add.Scatter(xs, ys, color);
            line.LegendText = method.Method;
            line.LineWidth = 2;
            line.MarkerSize = 8;
            for (var i = 0; i < points.Count; i++)
            {
                var label = plot.Add.Text(points[i].ShotLabel, xs[i], ys[i]);
                label.LabelFontSize = 11;
                label.LabelFontColor = color.Darken(0.3);
                label.LabelAlignment = Alignment.LowerLeft;
                label.OffsetX = 5;
                label.OffsetY = -4;
            }
        }

        plot.XLabel("training time per run (log scale); point labels: examples per class");
        plot.YLabel("test accuracy");
        PlotCanvas.PercentTicks(plot.Axes.Left);
        plot.Axes.SetLimits(low, high, 0, 1.02);
        PlotCanvas.LegendBelow(plot);
        return plot;
    }

    private static bool Drawable(ShotResult point) => point.Accuracies.Count > 0 && point.MeanSeconds > 0;
}
