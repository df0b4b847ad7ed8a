using Google.Protobuf;
using Onnx;

namespace Mentor.Backbones;

/// <summary>Makes an ONNX graph's leading (batch) dimension symbolic, so one session can run any batch size.</summary>
internal static class SymbolicBatch
{
    public const string DimName = "N";

    /// <summary>Returns the model bytes with dimension 0 of every input, output and value info set to <c>N</c>.</summary>
    public static byte[] Apply(byte[] modelBytes, string path)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(modelBytes);
        }
        catch (Google.Protobuf.InvalidProtocolBufferException e)
        {
            throw new MentorException($"{path}: not a valid ONNX model ({e.Message}); check the file or re-download it.");
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw new MentorException($"{path}: not a valid ONNX model (no graph); check the file or re-download it.");
        // Drop the stored intermediate shapes: ONNX Runtime re-infers them, and their fixed batch of 1 would conflict.
        model.Graph.ValueInfo.Clear();
        foreach (var value in model.Graph.Input.Concat(model.Graph.Output))
        {
            var dims = value.Type?.TensorType?.Shape?.Dim;
            if (dims is null || dims.Count == 0) continue;
            dims[0] = new TensorShapeProto.Types.Dimension { DimParam = DimName };
        }
        return model.ToByteArray();
    }
}
