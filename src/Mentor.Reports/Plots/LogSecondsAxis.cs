using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Mentor.Reports.Plots;

/// <summary>
/// A log-scaled seconds axis. ScottPlot 5 has no log axis: data go in as log10(seconds) and the ticks name
/// the decades (0.1 s, 1 s, 10 s...) with minor ticks at 2..9 times each.
/// </summary>
internal static class LogSecondsAxis
{
    /// <summary>
    /// Sets decade ticks on <paramref name="axis"/> for data from <paramref name="minSeconds"/> to <paramref name="maxSeconds"/>;
    /// returns the log10 range to show: the data with a little margin, and at least one whole decade.
    /// </summary>
    public static (double Low, double High) Apply(IAxis axis, double minSeconds, double maxSeconds)
    {
        var (low, high) = (Math.Log10(minSeconds), Math.Log10(maxSeconds));
        var margin = Math.Max(0.12, (1 - (high - low)) / 2);
        (low, high) = (low - margin, high + margin + 0.08); // a little more on the right for point labels
        var ticks = new NumericManual();
        for (var decade = Math.Floor(low); decade <= Math.Ceiling(high); decade++)
        {
            ticks.AddMajor(decade, Format(Math.Pow(10, decade)));
            for (var k = 2; k <= 9; k++) ticks.AddMinor(decade + Math.Log10(k));
        }
        axis.TickGenerator = ticks;
        return (low, high);
    }

    /// <summary>Where <paramref name="seconds"/> (positive) sits on the axis.</summary>
    public static double Position(double seconds) => Math.Log10(seconds);

    private static string Format(double seconds) =>
        seconds.ToString(seconds >= 1 ? "#,0" : "0.#####", CultureInfo.InvariantCulture) + " s";
}
