using Mentor.Heads;
using Mentor.Backbones;
using Mentor.Models.Export;

namespace Mentor.Models;

/// <summary>Writes trained classifiers as one portable ONNX file.</summary>
public static class ClassifierFile
{
    /// <summary>The version written into model files.</summary>
    public static string MentorVersion { get; } =
        typeof(ClassifierFile).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Writes <paramref name="backbone"/>'s prepared model + <paramref name="head"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, BackboneSpec backbone, ClassifierHead head, ModelMetadata metadata) =>
        Write(path, PreparedModels.GetOrCreate(backbone), head, metadata);

    /// <summary>
    /// Writes <paramref name="backbone"/> + <paramref name="head"/> to <paramref name="path"/> atomically; the metadata gets the
    /// backbone's spec (verbatim), its identity and the input size it takes.
    /// </summary>
    public static void Write(string path, BackboneModel backbone, ClassifierHead head, ModelMetadata metadata) =>
        Write(path, backbone, head, metadata, (complete, stream) => ClassifierExporter.Export(backbone, head, complete, stream));

    /// <summary>
    /// Writes a backbone held in memory (<paramref name="backboneGraph"/>, a serialised ONNX graph such as a fine-tuned one)
    /// + <paramref name="head"/> to <paramref name="path"/> atomically, with no other file written; <paramref name="backbone"/>
    /// gives its spec and identity, its path is not read.
    /// </summary>
    public static void Write(string path, BackboneModel backbone, byte[] backboneGraph, ClassifierHead head, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(backboneGraph);
        Write(path, backbone, head, metadata,
            (complete, stream) => ClassifierExporter.Export(Onnx.ModelProto.Parser.ParseFrom(backboneGraph), backbone, head, complete, stream));
    }

    private static void Write(string path, BackboneModel backbone, ClassifierHead head, ModelMetadata metadata, Action<ModelMetadata, Stream> export)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(metadata);
        if (head.ClassCount != metadata.Labels.Count)
            throw new ArgumentException($"the head has {head.ClassCount} classes but {metadata.Labels.Count} labels were given");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var complete = metadata with
        {
            Head = head.Kind,
            MentorVersion = MentorVersion,
            Format = ModelMetadata.CurrentFormat,
            Backbone = metadata.Backbone.Length > 0 ? metadata.Backbone : backbone.Spec.Name,
            BackboneIdentity = metadata.BackboneIdentity.Length > 0 ? metadata.BackboneIdentity : backbone.Identity,
            BackboneSpec = BackboneSpecFile.ToJson(backbone.Spec),
            Input = metadata.Input with { Size = backbone.Spec.Preprocessing.InputSize, Resize = metadata.Input.Size > 0 ? metadata.Input.Resize : backbone.Spec.Preprocessing.Resize.Id },
        };
        AtomicFile.Write(full, stream => export(complete, stream));
    }
}
