using System.Globalization;

namespace Mentor.Reports.Plots;

/// <summary>
/// A categorical axis of example counts: 1, 2, 5, 10, 20 and "all" equally spaced, whatever their ratio.
/// Counts come from every method, so methods with different counts still share one axis.
/// </summary>
internal sealed class ShotAxis
{
    private readonly List<int> _counts;
    private readonly int? _allCount;

    public ShotAxis(ShotsComparison shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var points = shots.Methods.SelectMany(m => m.Points).ToList();
        _counts = points.Where(p => !p.IsAll).Select(p => p.ExamplesPerClass).Distinct().Order().ToList();
        _allCount = points.Where(p => p.IsAll).Select(p => (int?)p.ExamplesPerClass).Max();
    }

    /// <summary>Where <paramref name="point"/> sits on the axis.</summary>
    public double PositionOf(ShotResult point) => point.IsAll ? _counts.Count : _counts.IndexOf(point.ExamplesPerClass);

    /// <summary>The tick positions, left to right.</summary>
    public double[] Positions => Enumerable.Range(0, _counts.Count + (_allCount is null ? 0 : 1)).Select(i => (double)i).ToArray();

    /// <summary>The tick labels; "all" shows the mean count per class it stands for.</summary>
    public string[] Labels =>
    [
        .. _counts.Select(c => c.ToString(CultureInfo.InvariantCulture)),
        .. _allCount is { } all ? [$"all (~{all})"] : Array.Empty<string>(),
    ];
}
