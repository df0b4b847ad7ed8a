using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>
/// Decodes JPEG, PNG, BMP, GIF (first frame) and WebP with SkiaSharp into upright 8-bit RGBA:
/// EXIF orientation applied, grey/CMYK/16-bit converted, alpha premultiplied. JPEGs go through the system's
/// libjpeg-turbo when it is installed (<see cref="TurboJpeg"/>: same pixels, about twice as fast).
/// </summary>
public static class ImageDecoder
{
    /// <summary>Images with more pixels than this are refused before decoding (decompression bombs).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>
    /// Images whose long side is over this many times the short side are refused before decoding: scaled so the short side
    /// fits the backbone's input, the long side explodes (fuzzing found a 150-byte GIF of 60200x29 that became a
    /// 104-megapixel bitmap and took 10 s).
    /// </summary>
    private const int MaxAspectRatio = 100;

    /// <summary>Which library decodes JPEGs here: the system's libjpeg-turbo when installed, else SkiaSharp's own decoder.</summary>
    public static string JpegDecoder => TurboJpeg.IsAvailable ? "libjpeg-turbo (system)" : "SkiaSharp";

    private static readonly HashSet<SKEncodedImageFormat> Supported =
        [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Bmp, SKEncodedImageFormat.Gif, SKEncodedImageFormat.Webp];

    /// <summary>
    /// Decodes <paramref name="data"/>. When <paramref name="minShortSide"/> is positive and the codec can
    /// decode at a reduced scale (JPEG, WebP), the smallest such scale whose short side is still at least
    /// <paramref name="minShortSide"/> is used: much faster for large photos. The caller owns the bitmap.
    /// </summary>
    /// <exception cref="ImageDecodeException">The bytes are empty, not a supported image, too large or corrupt.</exception>
    public static SKBitmap Decode(byte[] data, string path, int minShortSide = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length == 0) throw new ImageDecodeException(path, "empty file (0 bytes)");

        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData)
            ?? throw new ImageDecodeException(path, "not an image (unrecognised format; expected JPEG, PNG, BMP, GIF or WebP)");
        if (!Supported.Contains(codec.EncodedFormat))
            throw new ImageDecodeException(path, $"unsupported image format {codec.EncodedFormat}; expected JPEG, PNG, BMP, GIF or WebP");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) throw new ImageDecodeException(path, "image has no pixels");
        if ((long)width * height > MaxPixels)
            throw new ImageDecodeException(path, $"image is {width}x{height} ({(long)width * height / 1e6:F0} megapixels), over the {MaxPixels / 1_000_000} megapixel limit; resize it first");
        if (Math.Max(width, height) > (long)MaxAspectRatio * Math.Min(width, height))
            throw new ImageDecodeException(path, $"image is {width}x{height}, one side over {MaxAspectRatio} times the other; crop it to a less extreme shape first");

        var size = ScaledSize(codec, minShortSide);
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.EncodedFormat == SKEncodedImageFormat.Jpeg && TurboJpeg.TryDecodeRgba(data, size.Width, size.Height, bitmap.GetPixels(), bitmap.RowBytes)
            ? SKCodecResult.Success
            : codec.GetPixels(info, bitmap.GetPixels());
        // IncompleteInput: a truncated file; the missing rows would be garbage, so it counts as corrupt.
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            throw new ImageDecodeException(path, result == SKCodecResult.IncompleteInput
                ? "truncated image (file ends before the image data does)"
                : $"corrupt image ({result})");
        }
        return Orientation.ApplyTo(bitmap, codec.EncodedOrigin);
    }

    private static SKSizeI ScaledSize(SKCodec codec, int minShortSide)
    {
        var full = codec.Info.Size;
        if (minShortSide <= 0 || codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Webp)) return full;
        var best = full;
        foreach (var scale in new[] { 0.5f, 0.25f, 0.125f })
        {
            var candidate = codec.GetScaledDimensions(scale);
            if (Math.Min(candidate.Width, candidate.Height) < minShortSide) break;
            best = candidate;
        }
        return best;
    }
}
