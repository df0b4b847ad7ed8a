using ScottPlot;

namespace Mentor.Reports.Plots;

/// <summary>Category names as tick labels, rotated when long, with room kept for the longest.</summary>
internal static class AxisLabels
{
    /// <summary>Labels the bottom axis at 0..n-1, slanted 45 degrees up to end at their tick, so long class names do not collide.</summary>
    public static void Bottom(Plot plot, IReadOnlyList<string> labels)
    {
        var axis = plot.Axes.Bottom;
        axis.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), [.. labels]);
        axis.TickLabelStyle.Rotation = -45;
        axis.TickLabelStyle.Alignment = Alignment.UpperRight;
        axis.MinimumSize = Widest(axis.TickLabelStyle, labels) * 0.75f + 30;
        axis.MajorTickStyle.Length = 0;
    }

    /// <summary>Labels the left axis so that <paramref name="labels"/>[0] is on top (at y = n-1) and the last at y = 0.</summary>
    public static void LeftTopDown(Plot plot, IReadOnlyList<string> labels)
    {
        var axis = plot.Axes.Left;
        var n = labels.Count;
        axis.SetTicks(Enumerable.Range(0, n).Select(i => (double)(n - 1 - i)).ToArray(), [.. labels]);
        axis.MinimumSize = Widest(axis.TickLabelStyle, labels) + 40;
        axis.MajorTickStyle.Length = 0;
    }

    private static float Widest(LabelStyle style, IEnumerable<string> labels)
    {
        using var paint = Paint.NewDisposablePaint();
        return labels.Select(l => style.Measure(l, paint).Size.Width).DefaultIfEmpty(0).Max();
    }
}
