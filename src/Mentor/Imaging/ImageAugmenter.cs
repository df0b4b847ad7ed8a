using Mentor.Backbones;
using SkiaSharp;

namespace Mentor.Imaging;

/// <summary>
/// Writes a randomly augmented view of a decoded photo as a backbone input tensor (see <see cref="Augmentation"/>).
/// The same <see cref="Random"/> state gives the same view.
/// </summary>
public static class ImageAugmenter
{
    private static readonly SKSamplingOptions Bilinear = new(SKFilterMode.Linear, SKMipmapMode.None);

    /// <summary>Decodes <paramref name="encoded"/> and writes one augmented view of it into <paramref name="destination"/>.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a usable image.</exception>
    public static void Prepare(byte[] encoded, string path, PreprocessingSpec spec, Augmentation augmentation, Random random, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(random);
        // Decoded large enough that the smallest crop (MinScale of the area) is still shrunk to the input, not enlarged
        // (a photo of 4x the input's side would otherwise be decoded at 1/4 and its quarter-area crops blown up 2x).
        var shortSide = Math.Max((int)Math.Ceiling(spec.InputSize / Math.Sqrt(augmentation.MinScale)), spec.Resize.MinDecodeShortSide(spec.InputSize));
        using var decoded = ImageDecoder.Decode(encoded, path, shortSide);
        using var view = Render(decoded, spec.InputSize, augmentation, random);
        TensorWriter.Write(view, 0, 0, spec, destination);
    }

    /// <summary>A new <paramref name="size"/>-pixel square bitmap: a random crop of <paramref name="source"/>, maybe flipped, colours jittered.</summary>
    public static SKBitmap Render(SKBitmap source, int size, Augmentation augmentation, Random random)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(augmentation);
        ArgumentNullException.ThrowIfNull(random);
        var crop = RandomCrop(source.Width, source.Height, augmentation, random);
        var flip = augmentation.HorizontalFlip && random.NextDouble() < 0.5;
        var jitter = augmentation.ColorJitter > 0 ? ColorMatrix(augmentation.ColorJitter, random) : null;

        var view = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(view);
        canvas.Clear(SKColors.White);
        if (flip)
        {
            canvas.Translate(size, 0);
            canvas.Scale(-1, 1);
        }
        using var image = SKImage.FromBitmap(source);
        using var filter = jitter is null ? null : SKColorFilter.CreateColorMatrix(jitter);
        using var paint = new SKPaint { ColorFilter = filter };
        canvas.DrawImage(image, crop, new SKRect(0, 0, size, size), Bilinear, paint);
        canvas.Flush();
        return view;
    }

    // torchvision's RandomResizedCrop: up to 10 tries at a random area and log-uniform aspect ratio, else the centre.
    private static SKRect RandomCrop(int width, int height, Augmentation augmentation, Random random)
    {
        var area = (double)width * height;
        var logRatio = Math.Log(augmentation.MaxAspectRatio);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var target = area * (augmentation.MinScale + (1 - augmentation.MinScale) * random.NextDouble());
            var ratio = Math.Exp(logRatio * (2 * random.NextDouble() - 1));
            var w = Math.Sqrt(target * ratio);
            var h = Math.Sqrt(target / ratio);
            if (w <= width && h <= height)
            {
                var left = random.NextDouble() * (width - w);
                var top = random.NextDouble() * (height - h);
                return new SKRect((float)left, (float)top, (float)(left + w), (float)(top + h));
            }
        }
        var side = Math.Min(width, height);
        return SKRect.Create((width - side) / 2f, (height - side) / 2f, side, side);
    }

    // Saturation (towards the pixel's luma), then contrast (towards mid-grey), then brightness, as one 4x5 matrix
    // over unpremultiplied RGBA in 0..1 (Skia's convention: the fifth column is the offset).
    private static float[] ColorMatrix(double jitter, Random random)
    {
        double Factor() => 1 + jitter * (2 * random.NextDouble() - 1);
        double saturation = Factor(), contrast = Factor(), brightness = Factor();
        double[] luma = [0.299, 0.587, 0.114];
        var matrix = new float[20];
        for (var row = 0; row < 3; row++)
        {
            for (var column = 0; column < 3; column++)
            {
                var s = (1 - saturation) * luma[column] + (row == column ? saturation : 0);
                matrix[row * 5 + column] = (float)(s * contrast * brightness);
            }
            matrix[row * 5 + 4] = (float)(0.5 * (1 - contrast) * brightness);
        }
        matrix[18] = 1;
        return matrix;
    }
}
