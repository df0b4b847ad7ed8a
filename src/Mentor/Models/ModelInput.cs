using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mentor.Models;

/// <summary>How to feed a Mentor model: an NCHW float tensor of RGB values 0..255, resized and cropped per <see cref="Resize"/>.</summary>
public sealed record ModelInput
{
    public string Name { get; init; } = "image";
    public int Size { get; init; }
    public string ChannelOrder { get; init; } = "rgb";
    public string Range { get; init; } = "0..255";

    /// <summary>A <see cref="Imaging.ResizeRule"/> id, e.g. <c>crop1</c> (short side to the size, centre crop).</summary>
    public string Resize { get; init; } = "crop1";

    public string ProbabilitiesOutput { get; init; } = "probabilities";
    public string FeaturesOutput { get; init; } = "features";
}
