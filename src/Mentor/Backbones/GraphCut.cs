using Onnx;

namespace Mentor.Backbones;

/// <summary>Drops what a graph's outputs do not need: nodes, initializers and inputs.</summary>
internal static class GraphCut
{
    /// <summary>Keeps only the nodes the graph outputs depend on, the weights they read, and <paramref name="keepInput"/>.</summary>
    public static void Prune(GraphProto graph, string keepInput)
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var output in node.Output) producers[output] = node;
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var kept = new HashSet<NodeProto>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<string>(graph.Output.Select(o => o.Name));
        while (pending.Count > 0)
        {
            var value = pending.Pop();
            if (!needed.Add(value) || !producers.TryGetValue(value, out var node) || !kept.Add(node)) continue;
            foreach (var input in node.Input.Where(i => i.Length > 0)) pending.Push(input);
        }
        var nodes = graph.Node.Where(kept.Contains).ToList();
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        var initializers = graph.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
        var inputs = graph.Input.Where(i => i.Name == keepInput || needed.Contains(i.Name)).ToList();
        graph.Input.Clear();
        graph.Input.AddRange(inputs);
    }
}
