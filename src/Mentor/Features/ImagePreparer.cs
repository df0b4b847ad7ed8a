using Mentor.Backbones;
using Mentor.Imaging;

namespace Mentor.Features;

/// <summary>Turns encoded image bytes into one backbone input tensor: decode, orient, resize, crop, normalise.</summary>
public static class ImagePreparer
{
    /// <summary>Writes the input tensor for <paramref name="encoded"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="ImageDecodeException">The bytes are not a usable image.</exception>
    public static void Prepare(byte[] encoded, string path, PreprocessingSpec spec, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var decoded = ImageDecoder.Decode(encoded, path, spec.Resize.MinDecodeShortSide(spec.InputSize));
        using var square = ImageResizer.CenterSquare(decoded, spec.Resize, spec.InputSize);
        TensorWriter.Write(square, 0, 0, spec, destination);
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
