using Mentor.Imaging;
using Mentor.Reports.Tests.Support;
using SkiaSharp;

namespace Mentor.Reports.Tests;

public sealed class ThumbnailTests
{
    [Fact]
    public void A_real_photo_becomes_a_jpeg_whose_longest_side_is_160_keeping_the_aspect_ratio()
    {
        var photo = SharedData.Clothing("test", "dress", 1)[0];
        using var original = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);

        var jpeg = Thumbnail.Jpeg(photo);

        using var thumb = SKBitmap.Decode(jpeg);
        Assert.Equal(SKEncodedImageFormat.Jpeg, SKCodec.Create(new MemoryStream(jpeg))!.EncodedFormat);
        Assert.Equal(160, Math.Max(thumb.Width, thumb.Height));
        Assert.Equal((double)original.Width / original.Height, (double)thumb.Width / thumb.Height, 0.02);
        Assert.True(jpeg.Length < 20_000, $"{jpeg.Length} bytes");
    }

    [Fact]
    public void A_text_file_named_jpg_and_a_missing_file_fail_with_the_usual_exceptions()
    {
        var folder = Directory.CreateTempSubdirectory("mentor-thumbs-").FullName;
        try
        {
            var text = Path.Combine(folder, "notes.jpg");
            File.WriteAllText(text, "not a photo");

            Assert.Contains("not an image", Assert.Throws<ImageDecodeException>(() => Thumbnail.Jpeg(text)).Reason);
            Assert.Throws<FileNotFoundException>(() => Thumbnail.Jpeg(Path.Combine(folder, "gone.jpg")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unreadable_mistake_photo_gets_a_note_instead_of_a_thumbnail_and_the_rest_still_show()
    {
        var folder = Directory.CreateTempSubdirectory("mentor-thumbs-").FullName;
        try
        {
            var text = Path.Combine(folder, "notes.jpg");
            File.WriteAllText(text, "not a photo");
            var data = new ReportData
            {
                Title = "mistakes",
                Mistakes =
                [
                    new Mistake(SharedData.Clothing("test", "hat", 1)[0], "hat", "shoes", 0.6),
                    new Mistake(text, "shirt", "t-shirt", 0.7),
                    new Mistake(Path.Combine(folder, "gone.jpg"), "pants", "shorts", 0.8),
                ],
            };

            var html = HtmlReport.Render(data);

            Assert.Equal(["mistakes"], Html.SectionIds(html));
            Assert.Single(Html.Images(html));
            Assert.Equal(2, Html.Count(html, "photo could not be read"));
            Assert.Contains("notes.jpg: not an image", html);
            Assert.Contains("gone.jpg: file not found", html);
            Assert.Contains("<b>pants</b> &rarr; shorts (80%)", html);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
