namespace Mentor.Backbones;

/// <summary>
/// A backbone, described once: where its weights are, how its input is fed and prepared, and which value of its graph
/// is the feature and how that is pooled. The single source of the C# input preparation, the ONNX preprocessing nodes
/// of a model file, the feature-cache key and the model file's metadata. Written and read as a spec file by
/// <see cref="BackboneSpecFile"/>; its <see cref="ContentHash"/> covers the weights' bytes and every field that changes a feature.
/// </summary>
/// <param name="Name">Short name, e.g. a registry key or a spec file's <c>name</c>.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="ModelPath">The ONNX file (absolute).</param>
/// <param name="InputName">The graph input fed with images.</param>
/// <param name="Preprocessing">How images become that input (size, layout, channel order, range, mean, std, resize).</param>
/// <param name="Feature">The graph value read as the representation.</param>
/// <param name="Pool">How that value becomes one vector per image.</param>
/// <param name="FixedBatch">Whether the graph's batch axis was fixed (it is made symbolic when the graph is prepared).</param>
/// <param name="Source">Where the weights come from and their licence.</param>
/// <param name="MeanFile">The mean-image file the mean was read from (absolute), or null for per-channel means.</param>
public sealed record BackboneSpec(
    string Name,
    string Description,
    string ModelPath,
    string InputName,
    PreprocessingSpec Preprocessing,
    string Feature,
    FeaturePool Pool = FeaturePool.Auto,
    bool FixedBatch = false,
    string Source = "",
    string? MeanFile = null)
{
    /// <summary>The SHA-256 of <see cref="ModelPath"/>'s bytes (computed once per file version).</summary>
    public string ModelSha256 => FileHashes.Of(ModelPath);

    /// <summary>The SHA-256 of this spec in canonical form (weights by hash, mean by hash): equal specs, equal features.</summary>
    public string ContentHash => BackboneSpecFile.ContentHash(this);

    /// <summary>Name and content hash: changes whenever the weights or anything else that shapes a feature does.</summary>
    public string Identity => BackboneIdentity.Of(this);
}
