using Mentor.Backbones;
using Onnx;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Imports an ONNX graph into a trainable TorchSharp <see cref="ImportedModule"/>, optionally cut at named outputs
/// (e.g. a backbone's pooled features). Supports the operators of common ImageNet CNNs (see <see cref="SupportedOperators"/>);
/// anything else is an <see cref="OnnxImportException"/> naming the operator and its node.
/// </summary>
public static class OnnxModuleImporter
{
    /// <summary>The ONNX operator types (default domain) the importer converts.</summary>
    public static IReadOnlyList<string> SupportedOperators => OperatorConverters.SupportedTypes;

    /// <summary>Reads and imports the ONNX file at <paramref name="path"/>.</summary>
    public static ImportedModule Import(string path, IReadOnlyList<string>? outputs = null, IReadOnlyList<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new OnnxImportException($"{path}: not a valid ONNX model ({e.Message}); check the file.");
        }
        return ImportOwned(model, outputs, inputs);
    }

    /// <summary>Imports <paramref name="model"/> (not modified; the module keeps a pruned copy for export).</summary>
    /// <param name="model">The ONNX model.</param>
    /// <param name="outputs">Values to cut the graph at; null keeps the graph's outputs.</param>
    /// <param name="inputs">Inner values to start the graph from (e.g. a stage's input, to train only the stages after it); null keeps the graph's inputs.</param>
    public static ImportedModule Import(ModelProto model, IReadOnlyList<string>? outputs = null, IReadOnlyList<string>? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ImportOwned(model.Clone(), outputs, inputs);
    }

    // Imports a model the importer may modify (prune, and strip of the values it turns into parameters).
    private static ImportedModule ImportOwned(ModelProto source, IReadOnlyList<string>? outputs, IReadOnlyList<string>? inputs)
    {
        TorchRuntime.EnsureLoaded();
        if (source.Graph is null || source.Graph.Node.Count == 0)
            throw new OnnxImportException("The ONNX model has no graph nodes; check the file.");
        var opset = source.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx")?.Version
            ?? throw new OnnxImportException("The ONNX model declares no default-domain operator set; re-export it with an opset_import entry.");
        try
        {
            GraphPruner.Prune(source.Graph, outputs ?? [.. source.Graph.Output.Select(o => o.Name)], inputs);
        }
        catch (OnnxGraphException e)
        {
            throw new OnnxImportException(e.Message);
        }

        var initializers = source.Graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var context = new ImportContext(opset, initializers);
        var nodes = new ImportedNode[source.Graph.Node.Count];
        try
        {
            for (int i = 0; i < nodes.Length; i++)
            {
                var node = source.Graph.Node[i];
                if (node.Domain is not ("" or "ai.onnx"))
                    throw OnnxImportException.Unsupported(node, $"operator domain '{node.Domain}'");
                var converter = OperatorConverters.Find(node.OpType)
                    ?? throw new OnnxImportException($"ONNX node '{node.Name}' uses operator {node.OpType}, which the fine-tuning importer does not support " +
                        $"(supported: {string.Join(", ", SupportedOperators)}); use a backbone without it, or cut the graph at an output before this node.");
                context.NodeIndex = i;
                nodes[i] = new ImportedNode(i, node, converter.Convert(node, context));
            }
            return new ImportedModule(source, nodes, context);
        }
        catch
        {
            foreach (var (_, module) in context.Modules) module.Dispose();
            foreach (var constant in context.OwnedConstants) constant.Dispose();
            throw;
        }
    }
}
