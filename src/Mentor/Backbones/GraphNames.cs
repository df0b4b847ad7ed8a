using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Renames graph values. A backbone that is itself a Mentor model file uses the names a model file is built with
/// (<c>image</c>, <c>features</c>, <c>mentor_*</c>, <c>head_*</c>, <c>backbone_*</c>): those get a prefix no name in the graph has yet.
/// </summary>
internal static class GraphNames
{
    private static readonly string[] ReservedPrefixes = ["mentor_", "head_", "backbone_"];
    private static readonly HashSet<string> ReservedNames = new(StringComparer.Ordinal) { "image", "features", "probabilities" };

    /// <summary>Renames every reserved name; returns the new name of every value (unchanged ones map to themselves).</summary>
    public static IReadOnlyDictionary<string, string> AvoidReserved(GraphProto graph)
    {
        var all = AllNames(graph);
        var prefix = Enumerable.Range(1, int.MaxValue).Select(k => $"professor{k}_").First(p => !all.Any(n => n.StartsWith(p, StringComparison.Ordinal)));
        var map = all.ToDictionary(n => n, n => IsReserved(n) ? prefix + n : n, StringComparer.Ordinal);
        foreach (var (from, to) in map.Where(p => p.Key != p.Value)) Rename(graph, from, to);
        foreach (var node in graph.Node.Where(n => IsReserved(n.Name))) node.Name = prefix + node.Name;
        return map;
    }

    /// <summary>Renames value <paramref name="from"/> to <paramref name="to"/> wherever it appears.</summary>
    public static void Rename(GraphProto graph, string from, string to)
    {
        if (from == to) return;
        foreach (var node in graph.Node)
        {
            for (var i = 0; i < node.Input.Count; i++) if (node.Input[i] == from) node.Input[i] = to;
            for (var i = 0; i < node.Output.Count; i++) if (node.Output[i] == from) node.Output[i] = to;
            if (node.Name == from) node.Name = to;
        }
        foreach (var value in graph.Input.Concat(graph.Output).Concat(graph.ValueInfo).Where(v => v.Name == from)) value.Name = to;
        foreach (var tensor in graph.Initializer.Where(t => t.Name == from)) tensor.Name = to;
    }

    private static bool IsReserved(string name) =>
        ReservedNames.Contains(name) || ReservedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    private static HashSet<string> AllNames(GraphProto graph)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            names.UnionWith(node.Input.Where(i => i.Length > 0));
            names.UnionWith(node.Output);
        }
        names.UnionWith(graph.Input.Select(i => i.Name));
        names.UnionWith(graph.Output.Select(o => o.Name));
        names.UnionWith(graph.Initializer.Select(t => t.Name));
        return names;
    }
}
