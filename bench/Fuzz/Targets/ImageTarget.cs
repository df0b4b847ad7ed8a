using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using SkiaSharp;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// Bytes -> backbone input tensor, the path every photo takes (<see cref="ImagePreparer"/>: decode, orient, resize, crop,
/// normalise) with the built-in ResNet-18's preprocessing. Refusal: <see cref="ImageDecodeException"/>.
/// </summary>
public sealed class ImageTarget : FuzzTarget
{
    private static readonly Lazy<PreprocessingSpec> Spec = new(() => ResNet18.Create().Preprocessing);

    public override string Name => "image";

    public override string Run(byte[] input)
    {
        var tensor = new float[Spec.Value.TensorLength];
        try
        {
            ImagePreparer.Prepare(input, "fuzz-input", Spec.Value, tensor);
        }
        catch (ImageDecodeException e)
        {
            return Refused(e);
        }
        if (!tensor.All(float.IsFinite)) throw new InvalidOperationException("the prepared tensor holds NaN or infinity");
        return $"accepted: {tensor.Length} values";
    }

    /// <summary>A few dataset photos re-encoded at 48 pixels (JPEG, PNG, WebP), when the shared datasets are found.</summary>
    public override void WriteSeeds(string folder)
    {
        var datasets = SeedSources.Datasets();
        if (datasets is null) return;
        var photos = Directory.GetDirectories(Path.Combine(datasets, "clothing-small", "train")).Order(StringComparer.Ordinal)
            .Take(3).Select(d => Directory.GetFiles(d).Order(StringComparer.Ordinal).First()).ToList();
        var formats = new[] { (SKEncodedImageFormat.Jpeg, "jpg"), (SKEncodedImageFormat.Png, "png"), (SKEncodedImageFormat.Webp, "webp") };
        for (var i = 0; i < photos.Count; i++)
        {
            using var photo = SKBitmap.Decode(photos[i]);
            using var small = photo.Resize(new SKImageInfo(48, 48 * photo.Height / photo.Width), new SKSamplingOptions(SKFilterMode.Linear));
            using var image = SKImage.FromBitmap(small);
            var (format, extension) = formats[i % formats.Length];
            using var data = image.Encode(format, 60);
            File.WriteAllBytes(Path.Combine(folder, $"photo{i}.{extension}"), data.ToArray());
        }
    }
}
