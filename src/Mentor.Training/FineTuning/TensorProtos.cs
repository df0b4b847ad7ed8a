using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Mentor.Training.FineTuning;

/// <summary>Converts ONNX tensors (initializers, constants) to TorchSharp tensors and float tensors back.</summary>
internal static class TensorProtos
{
    /// <summary>True when <paramref name="proto"/> holds 32-bit floats (the only type that becomes a parameter).</summary>
    public static bool IsFloat(TensorProto proto) => proto.DataType == (int)DataType.Float;

    /// <summary>A new CPU tensor with <paramref name="proto"/>'s values and shape; the caller owns it.</summary>
    public static Tensor ToTensor(TensorProto proto)
    {
        if (proto.DataLocation == TensorProto.Types.DataLocation.External)
            throw new OnnxImportException($"ONNX tensor '{proto.Name}' keeps its data in an external file; save the model with its weights inside (one file) and import that.");
        var dims = proto.Dims.ToArray();
        var raw = proto.RawData.Span;
        Tensor flat = (DataType)proto.DataType switch
        {
            DataType.Float => torch.tensor(raw.Length > 0 ? MemoryMarshal.Cast<byte, float>(raw).ToArray() : proto.FloatData.ToArray()),
            DataType.Double => torch.tensor(raw.Length > 0 ? MemoryMarshal.Cast<byte, double>(raw).ToArray() : proto.DoubleData.ToArray()),
            DataType.Int64 => torch.tensor(raw.Length > 0 ? MemoryMarshal.Cast<byte, long>(raw).ToArray() : proto.Int64Data.ToArray()),
            DataType.Int32 => torch.tensor(raw.Length > 0 ? MemoryMarshal.Cast<byte, int>(raw).ToArray() : proto.Int32Data.ToArray()),
            var other => throw new OnnxImportException($"ONNX tensor '{proto.Name}' has element type {other}; the fine-tuning importer reads float, double, int64 and int32 tensors only."),
        };
        using (flat)
            return flat.reshape(dims);
    }

    /// <summary>The int64 values of an integer tensor (shapes, pads, axes).</summary>
    public static long[] ToLongs(Tensor tensor)
    {
        using var longs = tensor.to_type(ScalarType.Int64).contiguous();
        return longs.data<long>().ToArray();
    }

    /// <summary>Writes a float tensor's current values into <paramref name="proto"/> as raw data, keeping its name and shape.</summary>
    public static void WriteFloats(Tensor tensor, TensorProto proto)
    {
        using var values = tensor.detach().to_type(ScalarType.Float32).contiguous();
        var floats = values.data<float>().ToArray();
        if (floats.Length != proto.Dims.Aggregate(1L, (a, b) => a * b))
            throw new InvalidOperationException($"tensor '{proto.Name}' changed size ({floats.Length} values for shape [{string.Join(",", proto.Dims)}])");
        proto.FloatData.Clear();
        proto.DataType = (int)DataType.Float;
        proto.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(floats.AsSpan()));
    }
}
