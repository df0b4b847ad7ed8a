using Onnx;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Finds where the stages of a CNN begin: at each downsampling (a Conv, MaxPool or AveragePool with a stride above 1).
/// Downsampling nodes that read the same tensor (a residual block's main path and its projection shortcut) start
/// one stage, at the first of them in graph order.
/// </summary>
public static class StageFinder
{
    private static readonly HashSet<string> Windowed = ["Conv", "MaxPool", "AveragePool"];

    /// <summary>Indices of the nodes that start a stage, ascending.</summary>
    internal static IReadOnlyList<int> Starts(IReadOnlyList<ImportedNode> nodes) => Starts([.. nodes.Select(n => n.Proto)]);

    /// <summary>Indices (in <paramref name="nodes"/>, a graph's nodes in topological order) of the nodes that start a stage, ascending.</summary>
    public static IReadOnlyList<int> Starts(IReadOnlyList<NodeProto> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes.Select((node, index) => (Node: node, Index: index))
            .Where(n => Windowed.Contains(n.Node.OpType) && (n.Node.Ints("strides")?.Any(s => s > 1) ?? false))
            .GroupBy(n => n.Node.Input[0])
            .Select(g => g.Min(n => n.Index))
            .Order()
            .ToList();
    }

    /// <summary>
    /// The value the last <paramref name="stages"/> stages of <paramref name="graph"/> start from (the input of their
    /// first downsampling node): cut there, everything before it is frozen.
    /// </summary>
    /// <exception cref="OnnxImportException">The graph has fewer stages.</exception>
    public static string InputOfLastStages(GraphProto graph, int stages)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(stages, 1);
        var starts = Starts(graph.Node);
        if (stages > starts.Count)
            throw new OnnxImportException($"The backbone has {starts.Count} stages (downsampling steps); choose at most {starts.Count} to fine-tune.");
        return graph.Node[starts[^stages]].Input[0];
    }
}
