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
        Graph = model.Graph ?? throw new ModelFileException(path, "holds no graph (damaged, or not written by Mentor); train the model again.");
        _initializers = new Dictionary<string, TensorProto>(StringComparer.Ordinal);
        foreach (var tensor in Graph.Initializer)
            if (!_initializers.TryAdd(tensor.Name, tensor))
                throw new ModelFileException(path, $"holds two constants named '{tensor.Name}' (damaged, or not written by Mentor); train the model again.");
        Transform = Graph.Node.Any(n => n.OpType == "Sqrt" && n.Output.Contains(SqrtOutput)) ? FeatureTransform.Sqrt : FeatureTransform.None;
    }

    /// <summary>The model file, for error messages.</summary>
    public string Path { get; }

    /// <summary>The head kind named in the metadata.</summary>
    public string Kind { get; }

    public GraphProto Graph { get; }

    public FeatureTransform Transform { get; }

    /// <summary>
    /// A float constant and its dimensions; <see cref="ModelFileException"/> when the head did not write it, or it is not
    /// float, or its values do not fill its dimensions (<paramref name="rank"/> of them, when given).
    /// </summary>
    public (float[] Values, long[] Dims) Floats(string name, int? rank = null)
    {
        var tensor = Initializer(name);
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw Damaged($"constant '{name}' is not float");
        long[] dims = [.. tensor.Dims];
        var count = tensor.FloatData.Count > 0 ? tensor.FloatData.Count : tensor.RawData.Length / (double)sizeof(float);
        if ((rank is { } r && dims.Length != r) || dims.Any(d => d < 0) || dims.Aggregate(1.0, (product, d) => product * d) != count)
            throw Damaged($"constant '{name}' holds {count} values for dimensions [{string.Join(", ", dims)}]");
        return (Tensors.ReadFloats(tensor), dims);
    }

    /// <summary>An int64 constant's first value.</summary>
    public long Int64(string name)
    {
        var tensor = Initializer(name);
        if (tensor.Int64Data.Count > 0) return tensor.Int64Data[0];
        return tensor.RawData.Length >= sizeof(long) ? BitConverter.ToInt64(tensor.RawData.Span) : throw Damaged($"constant '{name}' holds no int64 value");
    }

    /// <summary>The error for a head whose constants or nodes are not as its kind writes them.</summary>
    public ModelFileException Damaged(string what) =>
        new(Path, $"its {Kind} head's {what} (damaged, or not written by Mentor); train the model again.");

    private TensorProto Initializer(string name) => _initializers.TryGetValue(name, out var tensor)
        ? tensor
        : throw new ModelFileException(Path, $"its {Kind} head has no constant '{name}' (damaged, or not written by Mentor); train the model again.");
}
