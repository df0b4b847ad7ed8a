using System.Text;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Reads a mean image (3 x H x W floats, planar, in the input's channel order and pixel range) from an ONNX file (the one
/// float initializer of that size, e.g. a preprocessing graph's), a NumPy <c>.npy</c> file (float32), or raw little-endian float32.
/// </summary>
internal static class MeanImageFile
{
    public static float[] Load(string path, int length)
    {
        if (!File.Exists(path)) throw new MentorException($"{path}: mean image file not found; fix 'mean' in the backbone spec.");
        var bytes = File.ReadAllBytes(path);
        var values = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".onnx" => FromOnnx(bytes, length),
            ".npy" => FromNpy(bytes, path),
            _ => Floats(bytes),
        };
        if (values is null || values.Length != length)
            throw new MentorException($"{path}: the mean image must hold {length} float32 values (3xHxW at the input size), found {values?.Length ?? 0}; fix 'mean' in the backbone spec.");
        return values;
    }

    private static float[]? FromOnnx(byte[] bytes, int length)
    {
        var model = ModelProto.Parser.ParseFrom(bytes);
        var candidates = model.Graph.Initializer
            .Where(t => t.DataType == (int)TensorProto.Types.DataType.Float && t.Dims.Aggregate(1L, (a, b) => a * b) == length).ToList();
        return candidates.Count == 1 ? Quantization.Tensors.ReadFloats(candidates[0]) : null;
    }

    // .npy: magic, version, header length, a Python dict header, then the C-order data.
    private static float[]? FromNpy(byte[] bytes, string path)
    {
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
            throw new MentorException($"{path}: not a NumPy .npy file; fix 'mean' in the backbone spec.");
        var (headerLength, start) = bytes[6] == 1 ? (BitConverter.ToUInt16(bytes, 8), 10) : ((int)BitConverter.ToUInt32(bytes, 8), 12);
        var header = Encoding.ASCII.GetString(bytes, start, headerLength);
        if (!header.Contains("'<f4'", StringComparison.Ordinal) || header.Contains("'fortran_order': True", StringComparison.Ordinal))
            throw new MentorException($"{path}: the mean image must be little-endian float32 in C order; save it with numpy as such; fix 'mean' in the backbone spec.");
        return Floats(bytes.AsSpan(start + headerLength));
    }

    private static float[] Floats(ReadOnlySpan<byte> bytes) => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(bytes[..(bytes.Length / 4 * 4)]).ToArray();
}
