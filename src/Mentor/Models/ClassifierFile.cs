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

    /// <summary>Writes <paramref name="backbone"/> + <paramref name="head"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, BackboneSpec backbone, ClassifierHead head, ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(metadata);
        if (head.Dimension != backbone.FeatureSize)
            throw new ArgumentException($"the head takes {head.Dimension} features but {backbone.Name} gives {backbone.FeatureSize}");
        if (head.ClassCount != metadata.Labels.Count)
            throw new ArgumentException($"the head has {head.ClassCount} classes but {metadata.Labels.Count} labels were given");
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var complete = metadata with { Head = head.Kind, MentorVersion = MentorVersion };
        AtomicFile.Write(full, stream => ClassifierExporter.Export(backbone, head, complete, stream));
    }
}
