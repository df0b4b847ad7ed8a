using System.Globalization;
using System.Security.Cryptography;
using Mentor.Imaging;

namespace Mentor.Backbones;

/// <summary>
/// Everything that turns an upright 8-bit RGB image into a backbone's input tensor:
/// <c>input[c, y, x] = (pixel[order[c]] * PixelScale + PixelOffset - mean[c, y, x]) / std[c]</c>,
/// where the mean is either per channel or a whole mean image, written planar (NCHW) or interleaved (NHWC).
/// The C# preparation (<see cref="TensorWriter"/>) and the ONNX nodes of a model file are both derived from it.
/// </summary>
public sealed class PreprocessingSpec
{
    private readonly Lazy<float[]> _mean;
    private readonly Lazy<string> _id;

    /// <summary>NCHW, 0..255 scaled by <paramref name="pixelScale"/>, no offset.</summary>
    /// <param name="inputSize">Side of the square input.</param>
    /// <param name="channelOrder">Plane order of the input.</param>
    /// <param name="pixelScale">Factor applied to 0..255 values (1 keeps 0..255, 1/255 gives 0..1).</param>
    /// <param name="mean">Either 3 per-channel means (in input channel order) or a 3 x size x size planar mean image; loaded on first use.</param>
    /// <param name="std">3 per-channel divisors, or null for none.</param>
    /// <param name="resize">The default resize-and-crop rule.</param>
    public PreprocessingSpec(int inputSize, ChannelOrder channelOrder, float pixelScale, Func<float[]> mean, float[]? std, ResizeRule resize)
        : this(inputSize, TensorLayout.Nchw, channelOrder, pixelScale, 0f, mean, std, resize)
    {
    }

    /// <summary>Any layout, scale and offset.</summary>
    /// <param name="inputSize">Side of the square input.</param>
    /// <param name="layout">Planar or interleaved channels.</param>
    /// <param name="channelOrder">Plane order of the input.</param>
    /// <param name="pixelScale">Factor applied to 0..255 values (1 keeps 0..255, 1/255 gives 0..1).</param>
    /// <param name="pixelOffset">Added after scaling (-1 with a scale of 2/255 gives -1..1).</param>
    /// <param name="mean">Either 3 per-channel means (in input channel order) or a 3 x size x size planar mean image; loaded on first use.</param>
    /// <param name="std">3 per-channel divisors, or null for none.</param>
    /// <param name="resize">The default resize-and-crop rule.</param>
    public PreprocessingSpec(int inputSize, TensorLayout layout, ChannelOrder channelOrder, float pixelScale, float pixelOffset, Func<float[]> mean, float[]? std,
        ResizeRule resize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1);
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(resize);
        InputSize = inputSize;
        Layout = layout;
        ChannelOrder = channelOrder;
        PixelScale = pixelScale;
        PixelOffset = pixelOffset;
        Std = std;
        Resize = resize;
        _mean = new Lazy<float[]>(() => ValidateMean(mean()));
        _id = new Lazy<string>(ComputeId);
    }

    /// <summary>Side of the square input image, in pixels, as the backbone's spec gives it.</summary>
    public int InputSize { get; }
    /// <summary>Whether channels are planar (NCHW) or interleaved (NHWC) in the input tensor.</summary>
    public TensorLayout Layout { get; }
    /// <summary>The order of colour planes in the input tensor.</summary>
    public ChannelOrder ChannelOrder { get; }
    /// <summary>Factor applied to each 0..255 pixel value before the offset (1 keeps 0..255, 1/255 gives 0..1).</summary>
    public float PixelScale { get; }
    /// <summary>Added to each pixel value after scaling, before the mean is subtracted (0 for most backbones).</summary>
    public float PixelOffset { get; }
    /// <summary>Per-channel divisors (3 values, input channel order) applied after the mean is subtracted; null divides by nothing.</summary>
    public float[]? Std { get; }
    /// <summary>How a photo of any size is resized and cropped to <see cref="InputSize"/> x <see cref="InputSize"/>.</summary>
    public ResizeRule Resize { get; }

    /// <summary>Per-channel means (length 3) or the planar mean image (3 x size x size).</summary>
    public float[] Mean => _mean.Value;

    /// <summary>Floats in one input image (3 x size x size).</summary>
    public int TensorLength => 3 * InputSize * InputSize;

    /// <summary>One image's input shape, batch axis excluded: [3, H, W] or [H, W, 3].</summary>
    public long[] TensorShape => Layout == TensorLayout.Nchw ? [3, InputSize, InputSize] : [InputSize, InputSize, 3];

    /// <summary>The input shape of a batch of <paramref name="count"/> images.</summary>
    public long[] BatchShape(int count) => [count, .. TensorShape];

    /// <summary>Whether the values are the 0..255 RGB pixels themselves (nothing to do but resize).</summary>
    public bool IsIdentity =>
        Layout == TensorLayout.Nchw && ChannelOrder == ChannelOrder.Rgb && PixelScale == 1f && PixelOffset == 0f
        && Mean.All(m => m == 0f) && (Std is null || Std.All(s => s == 1f));

    /// <summary>A stable text naming every parameter (mean values by hash), for cache keys and model metadata.</summary>
    public string Id => _id.Value;

    /// <summary>The same preprocessing with another resize rule.</summary>
    public PreprocessingSpec WithResize(ResizeRule resize) =>
        new(InputSize, Layout, ChannelOrder, PixelScale, PixelOffset, () => Mean, Std, resize);

    private float[] ValidateMean(float[] mean)
    {
        if (mean.Length != 3 && mean.Length != TensorLength)
            throw new MentorException($"the mean must have 3 values or be a {TensorLength}-value (3x{InputSize}x{InputSize}) image, not {mean.Length} values; fix the backbone spec.");
        return mean;
    }

    private string ComputeId()
    {
        var meanBytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(Mean.AsSpan());
        var meanHash = Convert.ToHexStringLower(SHA256.HashData(meanBytes))[..16];
        var std = Std is null || Std.All(s => s == 1f) ? "none" : string.Join(",", Std.Select(s => s.ToString("R", CultureInfo.InvariantCulture)));
        var layout = Layout == TensorLayout.Nchw ? "" : ";layout=nhwc";
        var offset = PixelOffset == 0f ? "" : string.Create(CultureInfo.InvariantCulture, $";offset={PixelOffset:R}");
        return string.Create(CultureInfo.InvariantCulture,
            $"size={InputSize};order={ChannelOrder.ToString().ToLowerInvariant()};scale={PixelScale:R}{offset};mean={(Mean.Length == 3 ? "channel" : "image")}:{meanHash};std={std};resize={Resize.Id}{layout}");
    }
}
