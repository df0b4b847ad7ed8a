using Mentor.Models.Export;

namespace Mentor.Models;

/// <summary>
/// A trained head over backbone features, as plain arrays: computes probabilities in C# (for metrics on cached
/// features) and writes itself into the ONNX model file (for everything else). Immutable.
/// </summary>
public abstract class ClassifierHead
{
    /// <summary><c>logistic</c> or <c>knn</c>.</summary>
    public abstract string Kind { get; }

    public abstract int ClassCount { get; }

    /// <summary>Length of the feature vectors taken.</summary>
    public abstract int Dimension { get; }

    /// <summary>Class probabilities for one raw feature vector, summing to 1.</summary>
    public abstract float[] PredictProbabilities(ReadOnlySpan<float> features);

    /// <summary>Appends ONNX nodes (opset 8) from <paramref name="features"/> [N, D] to <paramref name="probabilities"/> [N, classes].</summary>
    internal abstract void AppendTo(GraphBuilder graph, string features, string probabilities);

    /// <summary>Probabilities for many vectors.</summary>
    public float[][] PredictProbabilities(IReadOnlyList<float[]> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var result = new float[features.Count][];
        Parallel.For(0, features.Count, i => result[i] = PredictProbabilities(features[i]));
        return result;
    }

    protected void CheckDimension(ReadOnlySpan<float> features)
    {
        if (features.Length != Dimension)
            throw new ArgumentException($"this head takes {Dimension} features but got {features.Length}; use the backbone it was trained on", nameof(features));
    }
}
