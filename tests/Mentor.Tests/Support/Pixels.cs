using SkiaSharp;

namespace Mentor.Tests.Support;

/// <summary>Pixel comparisons for decoded bitmaps (RGBA8888).</summary>
internal static class Pixels
{
    public static (byte R, byte G, byte B, byte A) At(SKBitmap bitmap, int x, int y)
    {
        var c = bitmap.GetPixel(x, y);
        return (c.Red, c.Green, c.Blue, c.Alpha);
    }

    /// <summary>Mean absolute difference of the RGB channels over the whole image (same sizes required).</summary>
    public static double MeanAbsoluteDifference(SKBitmap a, SKBitmap b, Func<int, int, (int X, int Y)>? mapToB = null)
    {
        double sum = 0;
        for (var y = 0; y < a.Height; y++)
        for (var x = 0; x < a.Width; x++)
        {
            var (bx, by) = mapToB?.Invoke(x, y) ?? (x, y);
            var p = a.GetPixel(x, y);
            var q = b.GetPixel(bx, by);
            sum += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
        }
        return sum / (3.0 * a.Width * a.Height);
    }
}
