using Mentor.Imaging;
using SkiaSharp;

namespace Mentor.Reports;

/// <summary>Small JPEG previews of photos for the mistakes gallery.</summary>
public static class Thumbnail
{
    /// <summary>The default longest side of a thumbnail, in pixels.</summary>
    public const int DefaultSide = 160;

    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    /// <summary>
    /// Reads the photo at <paramref name="path"/> (EXIF orientation applied) and scales it to fit in a
    /// <paramref name="maxSide"/> pixel square (never enlarged); transparency is flattened on white. Returns JPEG bytes.
    /// </summary>
    /// <exception cref="ImageDecodeException">The file is not a decodable image.</exception>
    /// <exception cref="IOException">The file cannot be read (missing, a folder, locked).</exception>
    public static byte[] Jpeg(string path, int maxSide = DefaultSide, int quality = 85)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var photo = ImageDecoder.Decode(File.ReadAllBytes(path), path, minShortSide: maxSide);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(photo.Width, photo.Height));
        var width = Math.Max(1, (int)Math.Round(photo.Width * scale));
        var height = Math.Max(1, (int)Math.Round(photo.Height * scale));

        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {width}x{height} surface");
        surface.Canvas.Clear(SKColors.White);
        using (var image = SKImage.FromBitmap(photo))
            surface.Canvas.DrawImage(image, new SKRect(0, 0, width, height), Smooth);
        using var snapshot = surface.Snapshot();
        using var encoded = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return encoded.ToArray();
    }
}
