using Mentor.Imaging;
using Mentor.Models;

namespace Mentor.Backbones;

/// <summary>
/// A Mentor model file as a backbone (the student becomes a professor): its input takes RGB 0..255 pixels, resized as its
/// metadata says, and its <c>features</c> output is the feature. The same description feeds a model file run whole.
/// </summary>
public static class MentorModelBackbone
{
    /// <summary>How images become the input of a model file with <paramref name="metadata"/>: RGB 0..255, NCHW, resized per its rule.</summary>
    public static PreprocessingSpec Preprocessing(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return new PreprocessingSpec(metadata.Input.Size, TensorLayout.Nchw, ChannelOrder.Rgb, 1f, 0f, () => [0f, 0f, 0f], null, ResizeRule.Parse(metadata.Input.Resize));
    }

    /// <summary>The spec of the model file at <paramref name="path"/>, whose 'mentor' metadata is <paramref name="json"/>.</summary>
    internal static ResolvedBackbone Resolve(string path, string json)
    {
        var metadata = ModelMetadata.FromJson(json)
            ?? throw new ModelFileException(path, "its 'mentor' metadata is unreadable; the file is damaged, train the model again.");
        var name = Path.GetFileNameWithoutExtension(path);
        var spec = new BackboneSpec(name, $"Mentor model {Path.GetFileName(path)} ({metadata.Backbone}, {metadata.Labels.Count} classes)", path,
            metadata.Input.Name, Preprocessing(metadata), metadata.Input.FeaturesOutput, FeaturePool.None, FixedBatch: false, Source: "Mentor model file");
        return new ResolvedBackbone(spec,
            [$"a Mentor model file (format {metadata.Format}, trained on '{metadata.Backbone}'): its input '{metadata.Input.Name}' takes RGB 0..255, resized {metadata.Input.Resize}; its '{metadata.Input.FeaturesOutput}' output is the feature"],
            []);
    }
}
