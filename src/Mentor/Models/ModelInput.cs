using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mentor.Models;

/// <summary>How to feed a Mentor model: an NCHW float tensor of RGB values 0..255, resized and cropped per <see cref="Resize"/>.</summary>
public sealed record ModelInput
{
    /// <summary>The graph input's name.</summary>
    public string Name { get; init; } = "image";
    /// <summary>Side of the square input image, in pixels: the tensor is [N, 3, Size, Size].</summary>
    public int Size { get; init; }
    /// <summary>The order of the input's colour planes; always <c>rgb</c> (the graph itself reorders for a BGR backbone).</summary>
    public string ChannelOrder { get; init; } = "rgb";
    /// <summary>The input's value range: <c>0..255</c>, unnormalised (the graph scales and normalises).</summary>
    public string Range { get; init; } = "0..255";

    /// <summary>A <see cref="Imaging.ResizeRule"/> id, e.g. <c>crop1</c> (short side to the size, centre crop).</summary>
    public string Resize { get; init; } = "crop1";

    /// <summary>The output holding class probabilities, [N, classes], in <see cref="ModelMetadata.Labels"/> order.</summary>
    public string ProbabilitiesOutput { get; init; } = "probabilities";
    /// <summary>The output holding the backbone's features, [N, D], as the head receives them (before its feature transform).</summary>
    public string FeaturesOutput { get; init; } = "features";
}
