using Mentor.Imaging;
using SkiaSharp;

namespace Mentor.Studio.Photos;

/// <summary>
/// Decodes a photo with the same decoder and limits as training and <c>mentor serve</c> (so a photo that passes here
/// is one training can read) and makes its square JPEG thumbnail from the same decode.
/// </summary>
public static class Thumbnail
{
    /// <summary>Thumbnail side in pixels (the grid shows them at half this on ordinary screens, full on dense ones).</summary>
    public const int Side = 160;

    private const int Quality = 78;

    /// <summary>The thumbnail of <paramref name="bytes"/>.</summary>
    /// <exception cref="ImageDecodeException">Empty, not an image, over the pixel limit, truncated or corrupt.</exception>
    public static byte[] Make(byte[] bytes, string name)
    {
        using var photo = ImageDecoder.Decode(bytes, name, minShortSide: Side);
        var crop = Math.Min(photo.Width, photo.Height);
        var source = SKRectI.Create((photo.Width - crop) / 2, (photo.Height - crop) / 2, crop, crop);
        using var square = new SKBitmap(new SKImageInfo(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(square))
        using (var image = SKImage.FromBitmap(photo))
        {
            canvas.Clear(SKColors.White); // transparent PNGs on white, as a JPEG cannot hold alpha
            canvas.DrawImage(image, source, SKRect.Create(Side, Side), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        using var encoded = SKImage.FromBitmap(square);
        using var data = encoded.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return data.ToArray();
    }
}
