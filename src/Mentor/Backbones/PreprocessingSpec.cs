using System.Globalization;
using System.Security.Cryptography;
using Mentor.Imaging;

namespace Mentor.Backbones;

/// <summary>
/// Everything that turns an upright 8-bit RGB image into a backbone's input tensor:
/// <c>input[c, y, x] = (pixel[order[c]] * PixelScale - mean[c, y, x]) / std[c]</c>,
/// where the mean is either per channel or a whole mean image.
/// </summary>
public sealed class PreprocessingSpec
{
    private readonly Lazy<float[]> _mean;
    private readonly Lazy<string> _id;

    /// <param name="inputSize">Side of the square input (e.g. 224).</param>
    /// <param name="channelOrder">Plane order of the input.</param>
    /// <param name="pixelScale">Factor applied to 0..255 values (1 keeps 0..255, 1/255 gives 0..1).</param>
    /// <param name="mean">Either 3 per-channel means (in input plane order) or a 3 x size x size mean image; loaded on first use.</param>
    /// <param name="std">3 per-channel divisors, or null for none.</param>
    /// <param name="resize">The default resize-and-crop rule.</param>
    public PreprocessingSpec(int inputSize, ChannelOrder channelOrder, float pixelScale, Func<float[]> mean, float[]? std, ResizeRule resize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        InputSize = inputSize;
        ChannelOrder = channelOrder;
        PixelScale = pixelScale;
        Std = std;
        Resize = resize;
        _mean = new Lazy<float[]>(() => ValidateMean(mean()));
        _id = new Lazy<string>(ComputeId);
    }

    public int InputSize { get; }
    public ChannelOrder ChannelOrder { get; }
    public float PixelScale { get; }
    public float[]? Std { get; }
    public ResizeRule Resize { get; }

    /// <summary>Per-channel means (length 3) or the mean image (3 x size x size).</summary>
    public float[] Mean => _mean.Value;

    /// <summary>Floats in one input image (3 x size x size).</summary>
    public int TensorLength => 3 * InputSize * InputSize;

    /// <summary>A stable text naming every parameter (mean values by hash), for cache keys and model metadata.</summary>
    public string Id => _id.Value;

    /// <summary>The same preprocessing with another resize rule.</summary>
    public PreprocessingSpec WithResize(ResizeRule resize) =>
        new(InputSize, ChannelOrder, PixelScale, () => Mean, Std, resize);

    private float[] ValidateMean(float[] mean)
    {
        if (mean.Length != 3 && mean.Length != TensorLength)
            throw new InvalidOperationException($"mean must have 3 or {TensorLength} values, not {mean.Length}");
        return mean;
    }

    private string ComputeId()
    {
        var meanBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(Mean.AsSpan());
        var meanHash = Convert.ToHexStringLower(SHA256.HashData(meanBytes))[..16];
        var std = Std is null ? "none" : string.Join(",", Std.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture,
            $"size={InputSize};order={ChannelOrder.ToString().ToLowerInvariant()};scale={PixelScale:R};mean={(Mean.Length == 3 ? "channel" : "image")}:{meanHash};std={std};resize={Resize.Id}");
    }
}
