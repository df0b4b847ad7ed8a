using Mentor.Imaging;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// A bare CNN <c>.onnx</c> file as a backbone, the least that ranks one (say a random-weights CNN) before full spec
/// detection: the input is the graph's single NCHW input, its preprocessing ImageNet's (RGB scaled to 0..1, ImageNet
/// mean and std, short side resized and centre-cropped), and its features the last stage's output, average-pooled
/// (for a classifier, the pre-logits). <c>file.onnx:layer2</c> picks other stages.
/// </summary>
public static class OnnxFileBackbones
{
    private static readonly float[] ImageNetMean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] ImageNetStd = [0.229f, 0.224f, 0.225f];

    /// <summary>Whether <paramref name="name"/> is the path of an existing <c>.onnx</c> file.</summary>
    public static bool IsFile(string name) =>
        name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) && File.Exists(name);

    /// <summary>The spec of <paramref name="path"/>'s <paramref name="stages"/> (null: its last stage), derived into <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="MentorException">The graph has no single image input, or no stages.</exception>
    public static BackboneSpec Create(string path, IReadOnlyList<string>? stages, string? cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(full)).Graph
            ?? throw new MentorException($"{path}: not a valid ONNX model (no graph); check the file.");
        var initializers = graph.Initializer.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = graph.Input.Where(i => !initializers.Contains(i.Name)).ToList();
        var dims = inputs.Count == 1 ? inputs[0].Type?.TensorType?.Shape?.Dim : null;
        if (dims is not { Count: 4 } || dims[1].DimValue != 3 || dims[2].DimValue < 1 || dims[2].DimValue != dims[3].DimValue)
            throw new MentorException($"{path}: expected one NCHW image input [N, 3, size, size], found [{string.Join(", ", inputs.Select(i => i.Name))}]; use a spec file for other layouts.");
        var whole = new BackboneSpec(
            Name: Path.GetFileName(full),
            Description: $"{Path.GetFileName(full)}, ImageNet preprocessing assumed",
            ModelPath: full,
            InputName: inputs[0].Name,
            OutputName: graph.Output[0].Name,
            FeatureSize: 0,
            Preprocessing: new PreprocessingSpec((int)dims[2].DimValue, ChannelOrder.Rgb, 1f / 255, () => ImageNetMean, ImageNetStd, ResizeRule.CenterCrop),
            Source: full);
        var chosen = stages ?? [StageFinder.Outputs(graph, whole.OutputName)[^1].Name];
        var spec = StageBackbones.Create(whole, chosen, cacheDirectory);
        return stages is null ? spec with { Name = whole.Name } : spec;
    }
}
