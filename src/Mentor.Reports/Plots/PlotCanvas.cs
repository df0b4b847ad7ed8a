using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>What every report plot shares: fonts, sizes, the method colours, PNG output.</summary>
internal static class PlotCanvas
{
    /// <summary>Smallest and largest accepted image side, in pixels.</summary>
    public const int MinSide = 100, MaxSide = 8192;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>A new plot with the report's text sizes; the caller disposes it.</summary>
    public static Plot Create(string title)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Title(title, size: 17);
        plot.Axes.Bottom.Label.FontSize = 15;
        plot.Axes.Left.Label.FontSize = 15;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>
    /// Shows the legend in its own band under the axes, outside the data area, so that it can never hide a point
    /// (inside the plot it once covered the one from-scratch point a comparison report exists to show).
    /// </summary>
    public static void LegendBelow(Plot plot) => plot.ShowLegend(Edge.Bottom);

    /// <summary>The colour of the <paramref name="index"/>th series.</summary>
    public static Color Series(int index) => Palette.GetColor(index);

    /// <summary>
    /// The colour of the method or network named <paramref name="name"/>: its place among <paramref name="order"/> (the
    /// report's names, so that "fine-tuned" is one colour in every figure), or after them among the plot's own names.
    /// </summary>
    public static Color Series(string name, IReadOnlyList<string>? order, IEnumerable<string> plotNames)
    {
        var names = (order ?? []).Concat(plotNames).Distinct(StringComparer.Ordinal).ToList();
        return Series(names.IndexOf(name));
    }

    /// <summary>Y ticks as whole percentages, for accuracy and F1 between 0 and 1.</summary>
    public static void PercentTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => $"{v * 100:0}%" };

    /// <summary>Renders <paramref name="plot"/> as PNG bytes of exactly <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] Png(Plot plot, int width, int height)
    {
        CheckSize(width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Guards an image size.</summary>
    public static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, MinSide);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, MinSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, MaxSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, MaxSide);
    }
}
