using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>Scales decoded bitmaps per a <see cref="ResizeRule"/>.</summary>
public static class ImageResizer
{
    private static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);

    // Bilinear between mipmap levels: anti-aliased when shrinking.
    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private static readonly SKSamplingOptions Bicubic = new(SKCubicResampler.CatmullRom);

    /// <summary>
    /// Scales <paramref name="source"/> so that its centre <paramref name="inputSize"/> square is the backbone input.
    /// Returns the scaled bitmap (owned by the caller) and the top-left corner of that square.
    /// </summary>
    public static (SKBitmap Scaled, int Left, int Top) ScaleForInput(SKBitmap source, ResizeRule rule, int inputSize)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rule);
        var (w, h) = rule.ScaledSize(source.Width, source.Height, inputSize);
        var scaled = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (!source.ScalePixels(scaled, rule.Filter switch { ResizeFilter.Smooth => Smooth, ResizeFilter.Bicubic => Bicubic, _ => Bilinear }))
        {
            scaled.Dispose();
            throw new InvalidOperationException($"SkiaSharp could not scale a {source.Width}x{source.Height} bitmap to {w}x{h}");
        }
        return (scaled, (w - inputSize) / 2, (h - inputSize) / 2);
    }
}
