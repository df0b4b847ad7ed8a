using Mentor.Backbones;
using Mentor.Imaging;

namespace Mentor.Features;

/// <summary>Turns encoded image bytes into one backbone input tensor: decode, orient, resize, crop, normalise.</summary>
public static class ImagePreparer
{
    /// <summary>
    /// Changes whenever the same bytes and spec give other values (2: bilinear resampling straight into float planes,
    /// without Skia's 8-bit bitmap between: values move by up to half a level); part of the feature cache's keys, so
    /// vectors of an older preparation are computed again rather than mixed with new ones.
    /// </summary>
    public const int Version = 2;

    /// <summary>Writes the input tensor for <paramref name="encoded"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a usable image.</exception>
    public static void Prepare(byte[] encoded, string path, PreprocessingSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var decoded = ImageDecoder.Decode(encoded, path, spec.Resize.MinDecodeShortSide(spec.InputSize));
        if (spec.Resize.Filter != ResizeFilter.Bilinear)
        {
            using var square = ImageResizer.CenterSquare(decoded, spec.Resize, spec.InputSize);
            TensorWriter.Write(square, 0, 0, spec, destination);
            return;
        }
        var (width, height) = spec.Resize.ScaledSize(decoded.Width, decoded.Height, spec.InputSize);
        BilinearSampler.Sample(decoded, width, height, spec.InputSize, destination);
        TensorWriter.Normalize(spec, destination);
    }

    /// <summary>Reads, decodes and prepares the image at <paramref name="path"/> into a new array.</summary>
    public static float[] Prepare(string path, PreprocessingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var tensor = new float[spec.TensorLength];
        Prepare(ImageFile.Read(path), path, spec, tensor);
        return tensor;
    }
}
