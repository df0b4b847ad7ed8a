namespace Mentor.Backbones;

/// <summary>
/// The ONNX file a backbone runs: the prepared copy of its spec's graph (batch symbolic, input
/// <see cref="InputName"/>, output <see cref="OutputName"/> [N, D]), or the int8 or
/// fine-tuned version of it. Model files are exported from it.
/// </summary>
/// <param name="Spec">The backbone it came from.</param>
/// <param name="Path">The file (absolute).</param>
/// <param name="Identity">What its features are cached and recorded under.</param>
public sealed record BackboneModel(BackboneSpec Spec, string Path, string Identity)
{
    /// <summary>The image input of every prepared backbone graph.</summary>
    public const string InputName = "backbone_input";

    /// <summary>The [N, D] feature output of every prepared backbone graph.</summary>
    public const string OutputName = "backbone_features";
}
