using System.Globalization;
using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>
/// Training loss per epoch (left panel) and validation accuracy against training time (right panel: networks that
/// ran for the same budget at different speeds compare where they stand after the same minutes), one line per network.
/// The right panel is left out when no epoch measured a validation accuracy.
/// </summary>
public static class TrainingCurvesPlot
{
    /// <summary>
    /// Draws <paramref name="curves"/> as a PNG of <paramref name="width"/> x <paramref name="height"/> pixels; a curve's
    /// colour is its name's place in <paramref name="methodOrder"/> when given (the report's names, shared by its figures).
    /// </summary>
    public static byte[] Render(IReadOnlyList<TrainingCurve> curves, int width, int height, IReadOnlyList<string>? methodOrder = null)
    {
        PlotCanvas.CheckSize(width, height);
        var (loss, accuracy) = Build(curves, methodOrder);
        using (loss)
        using (accuracy)
        {
            var figure = new Multiplot(loss); // starts with this one subplot
            if (accuracy is not null) figure.AddPlot(accuracy);
            figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
            using var image = figure.Render(width, height);
            return image.GetImageBytes(ImageFormat.Png, 100);
        }
    }

    /// <summary>The two panels before rendering (accuracy null without validation); the caller disposes them.</summary>
    internal static (Plot Loss, Plot? Accuracy) Build(IReadOnlyList<TrainingCurve> curves, IReadOnlyList<string>? methodOrder = null)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (!curves.Any(c => c.Epochs.Count > 0)) throw new ArgumentException("no curve has an epoch", nameof(curves));
        var loss = PlotCanvas.Create("Training loss");
        var accuracy = PlotCanvas.Create("Validation accuracy");
        var hasValidation = curves.Any(c => c.Epochs.Any(e => e.ValidationAccuracy is not null));
        foreach (var curve in curves)
        {
            if (curve.Epochs.Count == 0) continue;
            var color = PlotCanvas.Series(curve.Name, methodOrder, curves.Select(c => c.Name));
            var legend = $"{curve.Name} ({Duration(curve.Epochs.Max(e => e.Seconds))})";
            Line(loss, curve.Epochs.Select(e => ((double)e.Epoch, e.TrainLoss)), color, legend);
            var measured = curve.Epochs.Where(e => e.ValidationAccuracy is not null).Select(e => (e.Seconds / 60, e.ValidationAccuracy!.Value)).ToList();
            if (measured.Count > 0) Line(accuracy, measured, color, legend);
        }

        Style(loss, "epoch", "train loss");
        loss.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        Style(accuracy, "training minutes", "validation accuracy");
        PlotCanvas.PercentTicks(accuracy.Axes.Left);
        accuracy.Axes.AutoScale();
        var limits = accuracy.Axes.GetLimits();
        accuracy.Axes.SetLimitsY(Math.Max(0, limits.Bottom - 0.05), Math.Min(1.02, limits.Top + 0.02));
        if (hasValidation) return (loss, accuracy);
        accuracy.Dispose();
        return (loss, null);
    }

    private static void Line(Plot plot, IEnumerable<(double X, double Value)> points, Color color, string legend)
    {
        var ordered = points.OrderBy(p => p.X).ToList();
        var line = plot.Add.Scatter(ordered.Select(p => p.X).ToArray(), ordered.Select(p => p.Value).ToArray(), color);
        line.LegendText = legend;
        line.LineWidth = 2;
        line.MarkerSize = ordered.Count > 40 ? 0 : 6;
    }

    private static void Style(Plot plot, string xLabel, string yLabel)
    {
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        PlotCanvas.LegendBelow(plot);
    }

    private static string Duration(double seconds) => seconds switch
    {
        >= 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.0} h"),
        >= 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
    };
}
