using Mentor.Backbones;
using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>Writes the input square of a scaled bitmap as a float tensor (planar or interleaved), per a <see cref="PreprocessingSpec"/>.</summary>
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
        var mean = spec.Mean;
        var meanIsImage = mean.Length != 3;
        var std = spec.Std ?? [1f, 1f, 1f];
        var scale = spec.PixelScale;
        var offset = spec.PixelOffset;
        // Element strides: NCHW puts channel c of pixel i at c * plane + i, NHWC at 3 * i + c.
        var (channelStride, pixelStride) = spec.Layout == TensorLayout.Nchw ? (plane, 1) : (1, 3);
        var bgr = spec.ChannelOrder == ChannelOrder.Bgr;
        var rowBytes = scaled.RowBytes;
        var pixels = (byte*)scaled.GetPixels();
        var inv0 = 1f / std[0];
        var inv1 = 1f / std[1];
        var inv2 = 1f / std[2];

        for (var y = 0; y < size; y++)
        {
            var row = pixels + (long)(top + y) * rowBytes + left * 4;
            for (var x = 0; x < size; x++)
            {
                var p = row + x * 4;
                // Premultiplied over white: c + (255 - a).
                var white = 255 - p[3];
                float r = p[0] + white, g = p[1] + white, b = p[2] + white;
                var (c0, c1, c2) = bgr ? (b, g, r) : (r, g, b);
                var i = y * size + x;
                float m0, m1, m2;
                if (meanIsImage) (m0, m1, m2) = (mean[i], mean[plane + i], mean[2 * plane + i]);
                else (m0, m1, m2) = (mean[0], mean[1], mean[2]);
                var o = i * pixelStride;
                destination[o] = (c0 * scale + offset - m0) * inv0;
                destination[o + channelStride] = (c1 * scale + offset - m1) * inv1;
                destination[o + 2 * channelStride] = (c2 * scale + offset - m2) * inv2;
            }
        }
    }
}
