using Mentor.Models;
using Mentor.Models.Export;

namespace Mentor.Heads;

/// <summary>
/// A trained head over backbone features, as plain arrays (no libtorch): computes probabilities in C# (for metrics on
/// cached features) and writes itself into the ONNX model file (for everything else). Each kind lives in its own
/// folder with its ONNX export and its reader (a <see cref="HeadFormat"/> listed in <see cref="HeadFormats"/>). Immutable.
/// </summary>
public abstract class ClassifierHead
{
    /// <summary>Sets the transform every kind applies to raw features before its own computation.</summary>
    /// <param name="transform">Applied to raw features before the head proper.</param>
    protected ClassifierHead(FeatureTransform transform) => Transform = transform;

    /// <summary>Applied to raw features before the head proper.</summary>
    public FeatureTransform Transform { get; }

    /// <summary>The kind's registered name, written into the model file's metadata (<c>logistic</c>, <c>knn</c>, <c>mlp</c>).</summary>
    public abstract string Kind { get; }

    /// <summary>Number of classes: the length of every probability vector returned.</summary>
    public abstract int ClassCount { get; }

    /// <summary>Length of the feature vectors taken.</summary>
    public abstract int Dimension { get; }

    /// <summary>Class probabilities for one raw feature vector, summing to 1.</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> features)
    {
        if (features.Length != Dimension)
            throw new ArgumentException($"this head takes {Dimension} features but got {features.Length}; use the backbone it was trained on", nameof(features));
        return Score(Apply(Transform, features));
    }

    /// <summary>Probabilities for many vectors.</summary>
    public float[][] PredictProbabilities(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new float[features.Count][];
        Parallel.For(0, features.Count, i => result[i] = PredictProbabilities(features[i]));
        return result;
    }

    /// <summary>Probabilities for features already transformed by <see cref="Transform"/>.</summary>
    protected abstract float[] Score(ReadOnlySpan<float> transformed);

    /// <summary><paramref name="transform"/> applied to a copy of <paramref name="features"/>.</summary>
    public static float[] Apply(FeatureTransform transform, ReadOnlySpan<float> features)
    {
        var result = features.ToArray();
        if (transform == FeatureTransform.Sqrt)
            for (var i = 0; i < result.Length; i++) result[i] = MathF.Sqrt(MathF.Max(0f, result[i]));
        return result;
    }

    /// <summary>Appends ONNX nodes (in the graph's opset: 8, or 13 for an int8 backbone) from <paramref name="features"/> [N, D] to <paramref name="probabilities"/> [N, classes].</summary>
    internal void AppendTo(GraphBuilder graph, string features, string probabilities)
    {
        var input = features;
        if (Transform == FeatureTransform.Sqrt)
            input = graph.Node("Sqrt", HeadGraph.SqrtOutput, [graph.Node("Relu", "head_nonnegative_features", [features])]);
        AppendHead(graph, input, probabilities);
    }

    /// <summary>The head proper, from transformed features; its constants are read back by the kind's <see cref="HeadFormat"/>.</summary>
    internal abstract void AppendHead(GraphBuilder graph, string features, string probabilities);
}
