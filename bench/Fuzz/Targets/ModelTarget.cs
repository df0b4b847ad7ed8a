using Mentor.Heads;
using Mentor.Models;

namespace Mentor.Fuzz.Targets;

/// <summary>
/// The model-file loader: <see cref="ImageClassifier.Load"/> (checks, then ONNX Runtime) and <see cref="HeadFormats.Read(string)"/>
/// (the head's constants back as a head). Refusal: <see cref="ModelFileException"/>.
/// </summary>
public sealed class ModelTarget : FuzzTarget
{
    public override string Name => "model";

    public override string Run(byte[] input)
    {
        var path = ScratchFolder.Write("model.onnx", input);
        try
        {
            using var classifier = ImageClassifier.Load(path);
            var head = HeadFormats.Read(path);
            var metadata = classifier.Metadata;
            var recorded = metadata.Training.ToJsonString().Length + metadata.Metrics.ToJsonString().Length + (metadata.BackboneSpec?.ToJsonString().Length ?? 0);
            return $"accepted: {classifier.Labels.Count} labels, {head.Kind} head of {head.Dimension} features, {recorded} characters of recorded JSON";
        }
        catch (ModelFileException e)
        {
            return Refused(e);
        }
    }

    public override void WriteSeeds(string folder) => SeedModels.Write(folder);
}
