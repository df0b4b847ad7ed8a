using System.Buffers;
using System.Numerics.Tensors;
using Mentor.Backbones;
using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>Writes the input square of a scaled bitmap as a float tensor (planar or interleaved), per a <see cref="PreprocessingSpec"/>,
/// and normalises RGB planes into one.</summary>
public static class TensorWriter
{
    /// <summary>
    /// Writes the <c>size x size</c> square at (<paramref name="left"/>, <paramref name="top"/>) of
    /// <paramref name="scaled"/> (RGBA8888, premultiplied) into <paramref name="destination"/>, as 3 planes (NCHW) or
    /// interleaved (NHWC).
    /// Transparent pixels are composited over white.
    /// </summary>
    public static unsafe void Write(SKBitmap scaled, int left, int top, PreprocessingSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(scaled);
        ArgumentNullException.ThrowIfNull(spec);
        var size = spec.InputSize;
        if (scaled.ColorType != SKColorType.Rgba8888) throw new ArgumentException("expected an RGBA8888 bitmap", nameof(scaled));
        if (left < 0 || top < 0 || left + size > scaled.Width || top + size > scaled.Height)
            throw new ArgumentException($"the {size}x{size} square at ({left},{top}) is outside the {scaled.Width}x{scaled.Height} bitmap", nameof(scaled));
        if (destination.Length < spec.TensorLength) throw new ArgumentException("destination too small", nameof(destination));

        var plane = size * size;
        var rowBytes = scaled.RowBytes;
        var pixels = (byte*)scaled.GetPixels();
        for (var y = 0; y < size; y++)
        {
            var row = pixels + (long)(top + y) * rowBytes + left * 4;
            for (var x = 0; x < size; x++)
            {
                var p = row + x * 4;
                // Premultiplied over white: c + (255 - a).
                var white = 255 - p[3];
                var i = y * size + x;
                destination[i] = p[0] + white;
                destination[plane + i] = p[1] + white;
                destination[2 * plane + i] = p[2] + white;
            }
        }
        Normalize(spec, destination);
    }

    /// <summary>
    /// Turns <paramref name="tensor"/>'s first three planes of R, G and B (0..255, NCHW), in place, into the input the spec
    /// describes: channel order, pixel scale and offset, mean (per channel or per pixel), std and layout.
    /// </summary>
    public static void Normalize(PreprocessingSpec spec, Span<float> tensor)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (tensor.Length < spec.TensorLength) throw new ArgumentException("tensor too small", nameof(tensor));
        var plane = spec.InputSize * spec.InputSize;
        if (spec.ChannelOrder == ChannelOrder.Bgr)
        {
            for (var i = 0; i < plane; i++) (tensor[i], tensor[2 * plane + i]) = (tensor[2 * plane + i], tensor[i]);
        }
        var mean = spec.Mean;
        var std = spec.Std ?? [1f, 1f, 1f];
        for (var c = 0; c < 3; c++)
        {
            var values = tensor.Slice(c * plane, plane);
            var inverse = 1f / std[c];
            // (v * scale + offset - mean) / std, as a multiply then adds.
            TensorPrimitives.Multiply(values, spec.PixelScale * inverse, values);
            if (mean.Length == 3)
            {
                TensorPrimitives.Add(values, (spec.PixelOffset - mean[c]) * inverse, values);
                continue;
            }
            TensorPrimitives.Add(values, spec.PixelOffset * inverse, values);
            TensorPrimitives.MultiplyAdd(mean.AsSpan(c * plane, plane), -inverse, values, values); // a mean per pixel
        }
        if (spec.Layout == TensorLayout.Nhwc) Interleave(tensor[..(3 * plane)], plane);
    }

    // Planes to pixels: element c * plane + i moves to 3 * i + c.
    private static void Interleave(Span<float> tensor, int plane)
    {
        var planar = ArrayPool<float>.Shared.Rent(tensor.Length);
        try
        {
            tensor.CopyTo(planar);
            for (var i = 0; i < plane; i++)
            for (var c = 0; c < 3; c++)
                tensor[3 * i + c] = planar[c * plane + i];
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planar);
        }
    }
}
