using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>
/// Bilinear resampling of a decoded bitmap straight into the backbone's input square, as three float planes of R, G and B
/// (0..255, composited over white), the way <see cref="ImageResizer.CenterSquare"/> samples (pixel centres, clamped
/// edges) but without the 8-bit bitmap in between.
/// </summary>
/// <remarks>
/// Hand-written because Skia's raster pipeline was the slowest step around the backbone after decoding: on Zen 4 it
/// spends about 0.8 ms per clothing photo resampling into a bitmap that <see cref="TensorWriter"/> then reads again
/// (0.2 ms), against 0.15-0.25 ms for this separable pass (a row of horizontal taps is computed once and shared by the
/// output rows that need it) plus 0.05-0.08 ms to normalise; every core-millisecond of preparation is one the backbone
/// does not get. Only the bilinear filter is done here; the
/// smooth and bicubic filters stay with Skia.
/// </remarks>
internal static class BilinearSampler
{
    /// <summary>
    /// Writes the centre <paramref name="size"/> square of <paramref name="source"/> scaled to
    /// <paramref name="scaledWidth"/> x <paramref name="scaledHeight"/> into <paramref name="planes"/> (3 planes of
    /// size x size).
    /// </summary>
    public static unsafe void Sample(SKBitmap source, int scaledWidth, int scaledHeight, int size, Span<float> planes)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.ColorType != SKColorType.Rgba8888) throw new ArgumentException("expected an RGBA8888 bitmap", nameof(source));
        if (scaledWidth < size || scaledHeight < size) throw new ArgumentException($"a {scaledWidth}x{scaledHeight} image has no {size}x{size} square");
        if (planes.Length < 3 * size * size) throw new ArgumentException("planes too small", nameof(planes));

        var columns = Taps.For(source.Width, scaledWidth, (scaledWidth - size) / 2, size);
        var rows = Taps.For(source.Height, scaledHeight, (scaledHeight - size) / 2, size);
        var pixels = (byte*)source.GetPixels();
        var rowBytes = source.RowBytes;
        var cache = new RowCache(size);
        var plane = size * size;
        for (var y = 0; y < size; y++)
        {
            var upper = Row(rows.First[y]);
            var lower = Row(rows.Second[y]);
            var weight = rows.Weight[y];
            for (var c = 0; c < 3; c++)
                Lerp(upper.AsSpan(c * size, size), lower.AsSpan(c * size, size), weight, planes.Slice(c * plane + y * size, size));
        }

        float[] Row(int r) => cache.Slot(r, out var buffer) ? buffer : Horizontal(pixels + (long)r * rowBytes, columns, size, buffer);
    }

    // One source row's horizontal taps, per channel, as colour minus alpha: over white is that plus 255, and both steps
    // are linear, so the 255 is added once at the end.
    private static unsafe float[] Horizontal(byte* row, Taps columns, int size, float[] into)
    {
        if (Sse41.IsSupported) return HorizontalSse41(row, columns, size, into);
        for (var x = 0; x < size; x++)
        {
            var p0 = row + columns.First[x] * 4;
            var p1 = row + columns.Second[x] * 4;
            var f = columns.Weight[x];
            float a0 = p0[3], a1 = p1[3];
            float r0 = p0[0] - a0, g0 = p0[1] - a0, b0 = p0[2] - a0;
            into[x] = r0 + f * (p1[0] - a1 - r0);
            into[size + x] = g0 + f * (p1[1] - a1 - g0);
            into[2 * size + x] = b0 + f * (p1[2] - a1 - b0);
        }
        return into;
    }

    // The same with the four channels of a pixel in one register (a third of the scalar loop's time).
    private static unsafe float[] HorizontalSse41(byte* row, Taps columns, int size, float[] into)
    {
        for (var x = 0; x < size; x++)
        {
            var p0 = Sse2.ConvertToVector128Single(Sse41.ConvertToVector128Int32(row + columns.First[x] * 4));
            var p1 = Sse2.ConvertToVector128Single(Sse41.ConvertToVector128Int32(row + columns.Second[x] * 4));
            p0 -= Sse.Shuffle(p0, p0, 0xFF);
            p1 -= Sse.Shuffle(p1, p1, 0xFF);
            var v = p0 + Vector128.Create(columns.Weight[x]) * (p1 - p0);
            into[x] = v.GetElement(0);
            into[size + x] = v.GetElement(1);
            into[2 * size + x] = v.GetElement(2);
        }
        return into;
    }

    // upper + weight * (lower - upper) + 255 (over white), in the order of the scalar formula, so the values do not depend on the CPU's vector width.
    private static void Lerp(ReadOnlySpan<float> upper, ReadOnlySpan<float> lower, float weight, Span<float> output)
    {
        TensorPrimitives.Subtract(lower, upper, output);
        TensorPrimitives.MultiplyAdd(output, weight, upper, output);
        TensorPrimitives.Add(output, 255f, output);
    }

    /// <summary>For each output pixel along one axis: the two source pixels it lies between and the second one's weight.</summary>
    private sealed record Taps(int[] First, int[] Second, float[] Weight)
    {
        public static Taps For(int sourceLength, int scaledLength, int offset, int size)
        {
            var (first, second, weight) = (new int[size], new int[size], new float[size]);
            var ratio = (double)sourceLength / scaledLength;
            for (var i = 0; i < size; i++)
            {
                // The output pixel's centre in source coordinates, clamped to the outermost pixel centres.
                var s = Math.Clamp((i + offset + 0.5) * ratio - 0.5, 0, sourceLength - 1);
                first[i] = (int)s;
                second[i] = Math.Min(first[i] + 1, sourceLength - 1);
                weight[i] = (float)(s - first[i]);
            }
            return new Taps(first, second, weight);
        }
    }

    /// <summary>
    /// The last two source rows' horizontal taps: output rows go down the image, so each needs the rows of the one before
    /// or the next ones, and evicting the lower row is always right.
    /// </summary>
    private sealed class RowCache(int size)
    {
        private readonly float[][] _rows = [new float[3 * size], new float[3 * size]];
        private readonly int[] _keys = [-1, -1];

        /// <summary>True with <paramref name="buffer"/> holding <paramref name="row"/>, or false with the buffer to compute it into.</summary>
        public bool Slot(int row, out float[] buffer)
        {
            for (var i = 0; i < 2; i++)
            {
                if (_keys[i] != row) continue;
                buffer = _rows[i];
                return true;
            }
            var victim = _keys[0] <= _keys[1] ? 0 : 1;
            _keys[victim] = row;
            buffer = _rows[victim];
            return false;
        }
    }
}
