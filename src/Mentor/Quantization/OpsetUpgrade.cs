using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Raises a convolutional graph from an older opset (CNTK's 8) to opset 13, the first with per-channel
/// DequantizeLinear. Initializers are dropped from the graph inputs and the IR version raised (IR 3 lists them as
/// inputs, which later opsets treat as overridable and ONNX Runtime then will not constant-fold).
/// Only operators whose meaning did not change between the two opsets are accepted.
/// </summary>
internal static class OpsetUpgrade
{
    public const long TargetOpset = 13;
    public const long TargetIrVersion = 7;

    // Operators whose semantics are the same in opsets 7-13 for the attributes used (BatchNormalization loses 'spatial').
    private static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "Conv", "Relu", "Add", "MaxPool", "AveragePool", "GlobalAveragePool", "BatchNormalization", "Flatten", "ReduceMean",
    };

    /// <summary>Upgrades <paramref name="model"/> in place; <paramref name="path"/> names it in errors.</summary>
    public static void Apply(ModelProto model, string path)
    {
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();
        var graph = model.Graph;
        if (graph.Node.Any(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" or "QLinearConv"))
            throw new QuantizationException($"{path}: the backbone is already quantised; pass the fp32 model.");
        if (opset > TargetOpset)
            throw new QuantizationException($"{path}: opset {opset} is newer than the quantiser's {TargetOpset}; pass a model exported with opset 13 or lower.");
        var unsupported = graph.Node.Select(n => n.OpType).Where(op => !Supported.Contains(op)).Distinct().ToList();
        if (unsupported.Count > 0)
            throw new QuantizationException($"{path}: operator {string.Join(", ", unsupported)} is not supported by the int8 quantiser (it handles CNN graphs: {string.Join(", ", Supported.Order())}); use the fp32 backbone.");

        var initializerNames = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var input in graph.Input.Where(i => initializerNames.Contains(i.Name)).ToList()) graph.Input.Remove(input);
        foreach (var node in graph.Node.Where(n => n.OpType == "BatchNormalization"))
            foreach (var spatial in node.Attribute.Where(a => a.Name is "spatial" or "consumed_inputs").ToList()) node.Attribute.Remove(spatial);

        model.OpsetImport.Clear();
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = TargetOpset });
        if (model.IrVersion < TargetIrVersion) model.IrVersion = TargetIrVersion;
    }
}
