using Mentor.Models;
using Mentor.Quantization;
using Onnx;

namespace Mentor.Heads;

/// <summary>A model file's graph as a head's reader sees it: its constants by name, and the feature transform in front of the head.</summary>
internal sealed class HeadGraph
{
    /// <summary>The output of the square-root transform node, when the head has one.</summary>
    public const string SqrtOutput = "head_sqrt_features";

    private readonly Dictionary<string, TensorProto> _initializers;

    public HeadGraph(ModelProto model, string path, string kind)
    {
        Path = path;
        Kind = kind;
        Graph = model.Graph;
        _initializers = Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Transform = Graph.Node.Any(n => n.OpType == "Sqrt" && n.Output.Contains(SqrtOutput)) ? FeatureTransform.Sqrt : FeatureTransform.None;
    }

    /// <summary>The model file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The head kind named in the metadata.</summary>
    public string Kind { get; }

    public GraphProto Graph { get; }

    public FeatureTransform Transform { get; }

    /// <summary>A float constant and its dimensions; <see cref="ModelFileException"/> when the head did not write it.</summary>
    public (float[] Values, long[] Dims) Floats(string name) =>
        (Tensors.ReadFloats(Initializer(name)), [.. Initializer(name).Dims]);

    /// <summary>An int64 constant's first value.</summary>
    public long Int64(string name)
    {
        var tensor = Initializer(name);
        return tensor.Int64Data.Count > 0 ? tensor.Int64Data[0] : BitConverter.ToInt64(tensor.RawData.Span);
    }

    private TensorProto Initializer(string name) => _initializers.TryGetValue(name, out var tensor)
        ? tensor
        : throw new ModelFileException(Path, $"its {Kind} head has no constant '{name}' (damaged, or not written by Mentor); train the model again.");
}
