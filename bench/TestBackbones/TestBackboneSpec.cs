using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mentor.TestBackbones;

/// <summary>
/// A backbone spec file in the form issue 11 fixes (keys after timm's <c>pretrained_cfg</c>), written next to the model.
/// </summary>
/// <param name="Name">Backbone name.</param>
/// <param name="File">The model file, relative to the spec file.</param>
/// <param name="InputSize">[3, H, W].</param>
/// <param name="Layout">"NCHW" or "NHWC".</param>
/// <param name="ChannelOrder">"RGB" or "BGR".</param>
/// <param name="PixelRange">What 0..255 pixels are mapped to before mean/std: [0,255], [0,1] or [-1,1].</param>
/// <param name="Mean">Per-channel means, in <paramref name="PixelRange"/> and in <paramref name="ChannelOrder"/>.</param>
/// <param name="Std">Per-channel divisors, likewise.</param>
/// <param name="Interpolation">Resize filter, e.g. "bilinear".</param>
/// <param name="CropPct">Resize the short side to size / crop_pct, then centre crop.</param>
/// <param name="Feature">"auto" or the value in the graph read as the feature.</param>
/// <param name="Pool">"auto", "avg", "cls", "mean" or "none".</param>
public sealed record TestBackboneSpec(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("input_size")] IReadOnlyList<int> InputSize,
    [property: JsonPropertyName("layout")] string Layout,
    [property: JsonPropertyName("channel_order")] string ChannelOrder,
    [property: JsonPropertyName("pixel_range")] IReadOnlyList<double> PixelRange,
    [property: JsonPropertyName("mean")] IReadOnlyList<double> Mean,
    [property: JsonPropertyName("std")] IReadOnlyList<double> Std,
    [property: JsonPropertyName("interpolation")] string Interpolation,
    [property: JsonPropertyName("crop_pct")] double CropPct,
    [property: JsonPropertyName("feature")] string Feature,
    [property: JsonPropertyName("pool")] string Pool)
{
    /// <summary>ImageNet's per-channel mean and std in 0..1 RGB, as torchvision and timm write them.</summary>
    public static IReadOnlyList<double> ImageNetMean { get; } = [0.485, 0.456, 0.406];

    /// <inheritdoc cref="ImageNetMean"/>
    public static IReadOnlyList<double> ImageNetStd { get; } = [0.229, 0.224, 0.225];

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, NewLine = "\n" };

    /// <summary>The spec as indented JSON (keys in the order above), ending with a newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";
}
