using Mentor.Imaging;
using Mentor.Tests.Support;
using SkiaSharp;

namespace Mentor.Tests.Imaging;

public sealed class ImageDecoderTests
{
    private static readonly byte[] Photo = File.ReadAllBytes(SharedData.Clothing("validation", "dress", 1)[0]);

    [Fact]
    public void A_real_photo_decodes_to_8_bit_rgba_at_full_size()
    {
        using var bitmap = ImageDecoder.Decode(Photo, "photo.jpg");
        using var codec = SKCodec.Create(new MemoryStream(Photo));

        Assert.Equal(codec.Info.Size, new SKSizeI(bitmap.Width, bitmap.Height));
        Assert.Equal(SKColorType.Rgba8888, bitmap.ColorType);
    }

    [Theory]
    [InlineData(3, false)] // rotated 180
    [InlineData(6, true)]  // rotate 90 clockwise to view
    [InlineData(8, true)]  // rotate 90 counter-clockwise to view
    [InlineData(2, false)] // mirrored
    public void Exif_orientation_is_applied(ushort orientation, bool swapsSides)
    {
        using var stored = ImageDecoder.Decode(Photo, "plain.jpg");
        using var upright = ImageDecoder.Decode(Fixtures.WithExifOrientation(Photo, orientation), "oriented.jpg");
        var (w, h) = (stored.Width, stored.Height);

        Assert.Equal(swapsSides ? (h, w) : (w, h), (upright.Width, upright.Height));
        // Each upright pixel must be the stored pixel that orientation maps to it.
        Func<int, int, (int, int)> toStored = orientation switch
        {
            3 => (x, y) => (w - 1 - x, h - 1 - y),
            6 => (x, y) => (y, h - 1 - x),
            8 => (x, y) => (w - 1 - y, x),
            _ => (x, y) => (w - 1 - x, y),
        };
        Assert.True(Pixels.MeanAbsoluteDifference(upright, stored, toStored) < 0.5);
    }

    [Fact]
    public void Cmyk_jpeg_comes_out_as_the_rgb_picture()
    {
        using var cmyk = ImageDecoder.Decode(Fixtures.Bytes("cmyk.jpg"), "cmyk.jpg");
        using var reference = ImageDecoder.Decode(Fixtures.Bytes("rgb-reference.png"), "rgb-reference.png");

        Assert.True(Pixels.MeanAbsoluteDifference(cmyk, reference) < 12, "CMYK decoded far from the RGB picture");
    }

    [Fact]
    public void Sixteen_bit_grey_comes_out_as_8_bit_grey_rgb()
    {
        using var grey = ImageDecoder.Decode(Fixtures.Bytes("gray16.png"), "gray16.png");

        var pixels = Enumerable.Range(0, grey.Height).SelectMany(y => Enumerable.Range(0, grey.Width).Select(x => Pixels.At(grey, x, y))).ToList();
        Assert.All(pixels, p => Assert.True(p.R == p.G && p.G == p.B && p.A == 255));
        Assert.True(pixels.Max(p => p.R) - pixels.Min(p => p.R) > 100, "the grey picture lost its contrast");
    }

    [Fact]
    public void Sixteen_bit_alpha_keeps_opaque_pixels_and_marks_transparent_ones()
    {
        using var rgba = ImageDecoder.Decode(Fixtures.Bytes("rgba16-half-transparent.png"), "rgba16.png");
        using var reference = ImageDecoder.Decode(Fixtures.Bytes("rgb-reference.png"), "rgb-reference.png");

        Assert.Equal(255, Pixels.At(rgba, 5, 30).A);
        Assert.Equal(0, Pixels.At(rgba, 40, 30).A);
        var opaque = Enumerable.Range(0, 20).Sum(x => Math.Abs(Pixels.At(rgba, x, 30).R - Pixels.At(reference, x, 30).R)) / 20.0;
        Assert.True(opaque < 2, $"opaque pixels changed by {opaque}");
    }

    [Fact]
    public void A_gif_gives_its_first_frame()
    {
        using var gif = ImageDecoder.Decode(Fixtures.Bytes("two-frames-red-then-blue.gif"), "two-frames.gif");

        Assert.Equal((255, 0, 0, 255), (Pixels.At(gif, 20, 15).R, Pixels.At(gif, 20, 15).G, Pixels.At(gif, 20, 15).B, Pixels.At(gif, 20, 15).A));
    }

    [Theory]
    [InlineData("photo.bmp", 1)]
    [InlineData("photo.webp", 10)]
    public void Bmp_and_webp_decode_to_the_picture(string name, double tolerance)
    {
        using var bitmap = ImageDecoder.Decode(Fixtures.Bytes(name), name);
        using var reference = ImageDecoder.Decode(Fixtures.Bytes("rgb-reference.png"), "rgb-reference.png");

        Assert.True(Pixels.MeanAbsoluteDifference(bitmap, reference) < tolerance);
    }

    [Fact]
    public void A_large_jpeg_is_decoded_at_a_reduced_scale_that_still_covers_the_input()
    {
        var large = Fixtures.SyntheticJpeg(2400, 1800);

        using var bitmap = ImageDecoder.Decode(large, "large.jpg", minShortSide: 256);

        // 1/2 gives 1200x900, 1/4 gives 600x450, 1/8 would give 300x225: under 256, so 1/4 it is.
        Assert.Equal((600, 450), (bitmap.Width, bitmap.Height));
    }

    [Theory]
    [InlineData("empty", "empty file")]
    [InlineData("text", "not an image")]
    [InlineData("noise", "not an image")]
    [InlineData("truncated", "truncated")]
    public void Unusable_bytes_are_refused_with_the_reason(string kind, string reason)
    {
        byte[] bytes = kind switch
        {
            "empty" => [],
            "text" => "this is a text file, not a photo"u8.ToArray(),
            "noise" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(),
            _ => Photo[..(Photo.Length / 3)],
        };

        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(bytes, "bad-file"));

        Assert.Contains(reason, error.Reason);
        Assert.StartsWith("bad-file: ", error.Message);
    }

    [Fact]
    public void An_image_over_100_megapixels_is_refused_from_its_header()
    {
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixtures.PngHeaderClaiming(20_000, 20_000), "bomb.png"));
        Assert.Contains("400 megapixels", error.Reason);

        var jpegError = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixtures.JpegClaiming(Photo, 60_000, 60_000), "bomb.jpg"));
        Assert.Contains("megapixel limit", jpegError.Reason);
    }

    [Fact]
    public void A_strip_over_100_times_longer_than_wide_is_refused_from_its_header_and_one_at_100_decodes()
    {
        // Found by fuzzing: a 150-byte GIF of 60200x29, scaled so its short side fits the backbone, became 104 megapixels.
        var error = Assert.Throws<ImageDecodeException>(() => ImageDecoder.Decode(Fixtures.PngHeaderClaiming(60_200, 29), "strip.png"));
        Assert.Contains("60200x29, one side over 100 times the other", error.Reason);

        using var strip = new SKBitmap(new SKImageInfo(2000, 20));
        using var image = SKImage.FromBitmap(strip);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        using var decoded = ImageDecoder.Decode(png.ToArray(), "strip-100.png");
        Assert.Equal((2000, 20), (decoded.Width, decoded.Height));
    }
}
