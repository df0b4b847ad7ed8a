using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Cuts a graph at chosen outputs (and optionally at chosen inner values, which become its inputs): keeps only the
/// nodes, initializers, inputs and value infos those outputs need, and checks that nodes are in topological order.
/// Graph-only (no ONNX Runtime, no libtorch): shared by the fine-tuning importer and the stage backbones.
/// </summary>
public static class GraphPruner
{
    /// <summary>
    /// Prunes <paramref name="graph"/> in place so that its outputs are <paramref name="outputs"/>; values named in
    /// <paramref name="inputs"/> become float graph inputs, and what computes them is dropped.
    /// </summary>
    /// <exception cref="OnnxGraphException">A value to cut at does not exist, or the nodes are not in topological order.</exception>
    public static void Prune(GraphProto graph, IReadOnlyList<string> outputs, IReadOnlyList<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(outputs);
        var cuts = new HashSet<string>(inputs ?? [], StringComparer.Ordinal);
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var output in node.Output.Where(o => o.Length > 0))
                producers[output] = node;
        var inputNames = graph.Input.Select(i => i.Name).Concat(graph.Initializer.Select(i => i.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var output in outputs.Concat(cuts))
            if (!producers.ContainsKey(output) && !inputNames.Contains(output))
                throw new OnnxGraphException($"The ONNX graph has no value named '{output}' to cut at; pass one of its node outputs, e.g. '{graph.Output.FirstOrDefault()?.Name}'.");
        inputNames.UnionWith(cuts);

        var needed = new HashSet<string>(outputs, StringComparer.Ordinal);
        var keep = new HashSet<NodeProto>();
        foreach (var node in graph.Node.Reverse())
        {
            if (!node.Output.Any(o => needed.Contains(o) && !cuts.Contains(o))) continue;
            keep.Add(node);
            foreach (var input in node.Input.Where(i => i.Length > 0)) needed.Add(input);
        }

        var available = new HashSet<string>(inputNames, StringComparer.Ordinal);
        var kept = graph.Node.Where(keep.Contains).ToList();
        foreach (var node in kept)
        {
            if (node.Input.FirstOrDefault(i => i.Length > 0 && !available.Contains(i)) is { } missing)
                throw new OnnxGraphException($"ONNX node '{node.Name}' ({node.OpType}) reads '{missing}' before any node makes it: the graph is not topologically sorted or is incomplete; re-export it.");
            available.UnionWith(node.Output);
        }

        var outputInfos = outputs.Select(name => graph.Output.FirstOrDefault(o => o.Name == name)
            ?? graph.ValueInfo.FirstOrDefault(v => v.Name == name)
            ?? FloatValue(name)).ToList();
        var initializers = graph.Initializer.Where(i => needed.Contains(i.Name)).ToList();
        var keptInputs = graph.Input.Where(i => needed.Contains(i.Name) && !cuts.Contains(i.Name)).ToList();
        keptInputs.AddRange(cuts.Where(needed.Contains).Select(name => graph.ValueInfo.FirstOrDefault(v => v.Name == name)?.Clone() ?? FloatValue(name)));
        var valueInfos = graph.ValueInfo.Where(v => needed.Contains(v.Name)).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        graph.Output.Clear();
        graph.Output.AddRange(outputInfos);
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        graph.Input.Clear();
        graph.Input.AddRange(keptInputs);
        graph.ValueInfo.Clear();
        graph.ValueInfo.AddRange(valueInfos);
    }

    private static ValueInfoProto FloatValue(string name) =>
        new() { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } } };
}
