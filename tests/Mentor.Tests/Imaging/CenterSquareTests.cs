using Mentor.Imaging;
using Mentor.Tests.Support;
using SkiaSharp;

namespace Mentor.Tests.Imaging;

public sealed class CenterSquareTests
{
    /// <summary>
    /// Given real photos and every filter and resize mode, when only the centre square is drawn, then its pixels are those of
    /// the whole scaled image, cropped, up to float rounding of the sample positions: a channel may differ by one level in
    /// at most one value in a thousand.
    /// </summary>
    [Theory]
    [InlineData(ResizeMode.ShortSideCenterCrop, 0.875, ResizeFilter.Bilinear)]
    [InlineData(ResizeMode.ShortSideCenterCrop, 0.875, ResizeFilter.Smooth)]
    [InlineData(ResizeMode.ShortSideCenterCrop, 0.95, ResizeFilter.Bicubic)]
    [InlineData(ResizeMode.ShortSideCenterCrop, 1.0, ResizeFilter.Bilinear)]
    [InlineData(ResizeMode.Stretch, 1.0, ResizeFilter.Bilinear)]
    public void The_centre_square_is_the_crop_of_the_whole_scaled_image_pixel_for_pixel(ResizeMode mode, double cropFraction, ResizeFilter filter)
    {
        var rule = new ResizeRule(mode, cropFraction, filter);
        foreach (var photo in SharedData.SomeClothingPhotos(perClass: 2))
        {
            using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);
            foreach (var size in new[] { 224, 97 })
            {
                var (scaled, left, top) = ImageResizer.ScaleForInput(decoded, rule, size);
                using (scaled)
                using (var square = ImageResizer.CenterSquare(decoded, rule, size))
                {
                    Assert.Equal((size, size), (square.Width, square.Height));
                    var (differing, worst) = (0, 0);
                    for (var y = 0; y < size; y++)
                    {
                        var whole = Row(scaled, top + y).AsSpan(left * 4, size * 4);
                        var part = Row(square, y);
                        for (var i = 0; i < part.Length; i++)
                        {
                            var difference = Math.Abs(whole[i] - part[i]);
                            if (difference > 0) differing++;
                            worst = Math.Max(worst, difference);
                        }
                    }
                    Assert.True(worst <= 1 && differing <= size * size * 4 / 1000, $"{photo} at {size}: {differing} values differ, by up to {worst}");
                }
            }
        }
    }

    private static byte[] Row(SKBitmap bitmap, int y) => bitmap.GetPixelSpan().Slice(y * bitmap.RowBytes, bitmap.Width * 4).ToArray();
}
