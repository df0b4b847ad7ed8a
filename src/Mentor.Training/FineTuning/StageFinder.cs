namespace Mentor.Training.FineTuning;

/// <summary>
/// Finds where the stages of a CNN begin: at each downsampling (a Conv, MaxPool or AveragePool with a stride above 1).
/// Downsampling nodes that read the same tensor (a residual block's main path and its projection shortcut) start
/// one stage, at the first of them in graph order.
/// </summary>
internal static class StageFinder
{
    private static readonly HashSet<string> Windowed = ["Conv", "MaxPool", "AveragePool"];

    /// <summary>Indices of the nodes that start a stage, ascending.</summary>
    public static IReadOnlyList<int> Starts(IReadOnlyList<ImportedNode> nodes) =>
        nodes.Where(n => Windowed.Contains(n.OperatorType) && (n.Proto.Ints("strides")?.Any(s => s > 1) ?? false))
            .GroupBy(n => n.Inputs[0])
            .Select(g => g.Min(n => n.Index))
            .Order()
            .ToList();
}
