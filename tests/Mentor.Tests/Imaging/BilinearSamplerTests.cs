using Mentor.Imaging;
using Mentor.Tests.Support;
using SkiaSharp;

namespace Mentor.Tests.Imaging;

public sealed class BilinearSamplerTests
{
    /// <summary>
    /// Given real photos, shrunk (crop, stretch) and enlarged (a 40x30 bitmap to 97), when the sampler writes the input
    /// square's planes, then they are Skia's bilinear centre square composited over white, up to Skia's rounding to 8 bits.
    /// </summary>
    [Theory]
    [InlineData(ResizeMode.ShortSideCenterCrop, 1.0)]
    [InlineData(ResizeMode.ShortSideCenterCrop, 0.875)]
    [InlineData(ResizeMode.Stretch, 1.0)]
    public void The_planes_are_skias_bilinear_centre_square(ResizeMode mode, double cropFraction)
    {
        var rule = new ResizeRule(mode, cropFraction);
        foreach (var photo in SharedData.SomeClothingPhotos(perClass: 1))
        {
            using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo, minShortSide: 224);
            foreach (var size in new[] { 224, 97 }) AssertSameAsSkia(decoded, rule, size, photo);
        }
        using var small = Gradient(40, 30, alpha: 255);
        AssertSameAsSkia(small, rule, 97, "40x30 gradient");
    }

    /// <summary>Given a half-transparent bitmap, when sampled, then its pixels come out over white, as the tensor writer puts them.</summary>
    [Fact]
    public void Transparent_pixels_are_composited_over_white()
    {
        using var translucent = Gradient(300, 200, alpha: 128);

        AssertSameAsSkia(translucent, ResizeRule.CenterCrop, 97, "translucent gradient");
    }

    private static void AssertSameAsSkia(SKBitmap decoded, ResizeRule rule, int size, string name)
    {
        var (width, height) = rule.ScaledSize(decoded.Width, decoded.Height, size);
        var planes = new float[3 * size * size];
        BilinearSampler.Sample(decoded, width, height, size, planes);

        using var square = ImageResizer.CenterSquare(decoded, rule, size);
        var worst = 0.0;
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var pixel = square.GetPixelSpan().Slice(y * square.RowBytes + x * 4, 4);
            var white = 255 - pixel[3];
            for (var c = 0; c < 3; c++) worst = Math.Max(worst, Math.Abs(planes[c * size * size + y * size + x] - (pixel[c] + white)));
        }
        Assert.True(worst <= 1.0, $"{name} at {size} ({rule.Id}): differs from Skia by up to {worst:F2} levels");
    }

    private static SKBitmap Gradient(int width, int height, byte alpha)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height),
                [new SKColor(255, 0, 0, alpha), new SKColor(0, 0, 255, alpha), new SKColor(0, 255, 0, alpha)], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, paint);
        return bitmap;
    }
}
