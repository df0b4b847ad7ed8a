using Mentor.Imaging;
using Mentor.Tests.Support;
using SkiaSharp;

namespace Mentor.Tests.Imaging;

/// <summary>
/// The system's libjpeg-turbo must give exactly the pixels Skia's decoder gives: the feature cache is keyed on the
/// photo's bytes, not on which library decoded it, so one differing pixel would mix two preparations in one cache.
/// </summary>
public sealed class TurboJpegTests
{
    // Every 25th photo of both datasets, ordinal order: about 230 photos of two cameras and several encoders.
    private static readonly IReadOnlyList<string> Photos = new[] { SharedData.ClothingSmall, SharedData.SignDigits }
        .SelectMany(d => Directory.GetFiles(d, "*", SearchOption.AllDirectories).Where(IsJpeg).Order(StringComparer.Ordinal).Where((_, i) => i % 25 == 0))
        .ToList();

    [Fact]
    public void The_system_library_is_installed()
    {
        Assert.True(TurboJpeg.IsAvailable, "libturbojpeg not found: install it (Debian: apt-get install libturbojpeg0); .ci/run does");
    }

    [Fact]
    public void Photos_decode_to_the_same_pixels_as_skia_at_full_size_and_at_each_scale()
    {
        Assert.True(Photos.Count > 200, $"{Photos.Count} photos");
        foreach (var path in Photos)
        {
            var bytes = File.ReadAllBytes(path);
            using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
            foreach (var scale in new[] { 1f, 0.5f, 0.25f, 0.125f })
                AssertSamePixels(bytes, codec, codec.GetScaledDimensions(scale), $"{Path.GetFileName(path)} at {scale}");
        }
    }

    [Fact]
    public void A_greyscale_jpeg_decodes_to_the_same_pixels_as_skia()
    {
        using var colour = ImageDecoder.Decode(File.ReadAllBytes(Photos[0]), "photo.jpg");
        using var grey = new SKBitmap(new SKImageInfo(colour.Width, colour.Height, SKColorType.Gray8));
        colour.CopyTo(grey, SKColorType.Gray8);
        var bytes = grey.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        Assert.Equal(SKColorType.Gray8, codec.Info.ColorType);

        AssertSamePixels(bytes, codec, codec.Info.Size, "greyscale");
    }

    [Fact]
    public void A_truncated_jpeg_is_left_to_skia_which_reports_it()
    {
        var bytes = File.ReadAllBytes(Photos[0]);
        var truncated = bytes[..(bytes.Length / 2)];
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        using var bitmap = new SKBitmap(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);

        Assert.False(TurboJpeg.TryDecodeRgba(truncated, bitmap.Width, bitmap.Height, bitmap.GetPixels(), bitmap.RowBytes));
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(truncated, "cut.jpg"));
        Assert.Contains("truncated image", error.Message);
    }

    [Fact]
    public void A_size_that_is_not_an_eighth_scale_is_refused()
    {
        var bytes = File.ReadAllBytes(Photos[0]);
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes));
        using var bitmap = new SKBitmap(codec.Info.Width - 1, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);

        Assert.False(TurboJpeg.TryDecodeRgba(bytes, bitmap.Width, bitmap.Height, bitmap.GetPixels(), bitmap.RowBytes));
    }

    private static void AssertSamePixels(byte[] bytes, SKCodec codec, SKSizeI size, string what)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var skia = new SKBitmap(info);
        using var turbo = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, skia.GetPixels()));

        Assert.True(TurboJpeg.TryDecodeRgba(bytes, size.Width, size.Height, turbo.GetPixels(), turbo.RowBytes), what);
        Assert.True(skia.GetPixelSpan().SequenceEqual(turbo.GetPixelSpan()), $"{what}: pixels differ");
    }

    private static bool IsJpeg(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jpg" or ".jpeg";
}
