using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Finds the stages of a CNN in its ONNX graph: a stage starts at each downsampling (a Conv, MaxPool or AveragePool with
/// a stride above 1); downsampling nodes that read the same tensor (a residual block's main path and its projection
/// shortcut) start one stage, at the first of them in graph order. Graph-only: no ONNX Runtime, no libtorch.
/// </summary>
public static class StageFinder
{
    private static readonly HashSet<string> Windowed = ["Conv", "MaxPool", "AveragePool"];
    private static readonly HashSet<string> GlobalPools = ["GlobalAveragePool", "GlobalMaxPool", "AveragePool", "MaxPool", "ReduceMean"];
    // What may sit between the last pool and the graph's output: a flatten and a classifier.
    private static readonly HashSet<string> Head = ["Flatten", "Reshape", "Squeeze", "Gemm", "MatMul", "Softmax"];

    /// <summary>Indices (in <paramref name="nodes"/>, a graph's nodes in topological order) of the nodes that start a stage, ascending.</summary>
    public static IReadOnlyList<int> Starts(IReadOnlyList<NodeProto> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        return nodes.Select((node, index) => (Node: node, Index: index))
            .Where(n => Windowed.Contains(n.Node.OpType) && Strides(n.Node).Any(s => s > 1))
            .GroupBy(n => n.Node.Input[0])
            .Select(g => g.Min(n => n.Index))
            .Order()
            .ToList();
    }

    /// <summary>
    /// The value the last <paramref name="stages"/> stages of <paramref name="graph"/> start from (the input of their
    /// first downsampling node): cut there, everything before it is frozen.
    /// </summary>
    /// <exception cref="OnnxGraphException">The graph has fewer stages.</exception>
    public static string InputOfLastStages(GraphProto graph, int stages)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(stages, 1);
        var starts = Starts(graph.Node);
        if (stages > starts.Count)
            throw new OnnxGraphException($"The backbone has {starts.Count} stages (downsampling steps); choose at most {starts.Count} to fine-tune.");
        return graph.Node[starts[^stages]].Input[0];
    }

    /// <summary>
    /// The output of each stage, first to last, named <c>layer0</c>, <c>layer1</c>, ...: the last value at each resolution
    /// (what the next downsampling reads, padding skipped), and last the feature map that <paramref name="featureOutput"/>
    /// pools, through any flatten and classifier (or <paramref name="featureOutput"/> itself when no pool makes it). For ResNets <c>layer1</c>..<c>layer4</c>
    /// are torchvision's stages and <c>layer0</c> the stem.
    /// </summary>
    public static IReadOnlyList<BackboneStage> Outputs(GraphProto graph, string featureOutput)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(featureOutput);
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var output in node.Output)
                producers[output] = node;
        var pool = FinalPool(featureOutput, producers);
        var graphInputs = graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var values = Starts(graph.Node)
            .Select(i => graph.Node[i])
            .Where(node => node != pool)
            .Select(node => SkipPadding(node.Input[0], producers))
            .Where(value => !graphInputs.Contains(value))
            .Append(pool?.Input[0] ?? featureOutput)
            .Distinct(StringComparer.Ordinal);
        return [.. values.Select((value, i) => new BackboneStage($"layer{i}", value))];
    }

    // The global pool the feature output comes from, through a flatten and classifier; null if none.
    private static NodeProto? FinalPool(string featureOutput, Dictionary<string, NodeProto> producers)
    {
        var node = producers.GetValueOrDefault(featureOutput);
        while (node is not null && Head.Contains(node.OpType)) node = producers.GetValueOrDefault(node.Input[0]);
        return node is not null && GlobalPools.Contains(node.OpType) ? node : null;
    }

    private static string SkipPadding(string value, Dictionary<string, NodeProto> producers)
    {
        while (producers.GetValueOrDefault(value) is { OpType: "Pad" } pad) value = pad.Input[0];
        return value;
    }

    private static IEnumerable<long> Strides(NodeProto node) =>
        node.Attribute.FirstOrDefault(a => a.Name == "strides")?.Ints ?? Enumerable.Empty<long>();
}
