using Onnx;

namespace Mentor.Backbones;

/// <summary>Makes an ONNX graph's leading (batch) dimension symbolic, so one session can run any batch size.</summary>
internal static class SymbolicBatch
{
    public const string DimName = "N";

    /// <summary>Sets dimension 0 of every input and output of <paramref name="graph"/> to <c>N</c> and drops the stored inner shapes.</summary>
    public static void Apply(GraphProto graph)
    {
        // ONNX Runtime re-infers the inner shapes; their fixed batch of 1 would conflict.
        graph.ValueInfo.Clear();
        foreach (var value in graph.Input.Concat(graph.Output))
        {
            var dims = value.Type?.TensorType?.Shape?.Dim;
            if (dims is null || dims.Count == 0) continue;
            dims[0] = new TensorShapeProto.Types.Dimension { DimParam = DimName };
        }
    }
}
