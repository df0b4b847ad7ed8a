using System.Globalization;
using Mentor.Evaluation;
using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>
/// The confusion matrix as a heat map: rows are true classes, columns predicted ones, each cell shows its count.
/// Colour is the share of the row (the recall on the diagonal), so rare and common classes read alike.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>A square size, in pixels, at which every count stays legible for <paramref name="classes"/> classes.</summary>
    public static int SuggestedSide(int classes) => Math.Clamp(260 + 56 * classes, 480, 2400);

    /// <summary>Draws the confusion matrix of <paramref name="metrics"/> as a PNG of <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] Render(ClassificationMetrics metrics, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var n = metrics.Labels.Count;
        if (n == 0) throw new ArgumentException("the metrics have no classes", nameof(metrics));
        using var plot = PlotCanvas.Create("Confusion matrix");
        var shares = new double[n, n];
        for (var r = 0; r < n; r++)
        {
            var total = metrics.ConfusionMatrix[r].Sum();
            for (var c = 0; c < n; c++) shares[r, c] = total == 0 ? 0 : (double)metrics.ConfusionMatrix[r][c] / total;
        }

        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // light for 0, dark blue for 1
        heatmap.ManualRange = new ScottPlot.Range(0, 1);

        // Row 0 of the heat map is drawn on top, cell centres at integer coordinates.
        var cellPixels = Math.Min(width, height) * 0.7 / n;
        var fontSize = (float)Math.Clamp(cellPixels * 0.32, 7, 16);
        for (var r = 0; r < n; r++)
            for (var c = 0; c < n; c++)
            {
                var count = metrics.ConfusionMatrix[r][c];
                var text = plot.Add.Text(count.ToString(CultureInfo.InvariantCulture), c, n - 1 - r);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelBold = r == c;
                text.LabelFontColor = shares[r, c] > 0.55 ? Colors.White : count == 0 ? Colors.Gray : Colors.Black;
            }

        AxisLabels.Bottom(plot, metrics.Labels);
        AxisLabels.LeftTopDown(plot, metrics.Labels);
        plot.XLabel("predicted class");
        plot.YLabel("true class");
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        return PlotCanvas.Png(plot, width, height);
    }
}
