using Mentor.Evaluation;
using Mentor.Heads.Knn;
using Mentor.Models;

namespace Mentor.Training.Heads.Knn;

/// <summary>
/// A trained cosine k-nearest-neighbours classifier: the L2-normalised training features, their labels, k and the
/// search that chose it. Predicts by <see cref="KnnVoting"/>, the rule the exported <see cref="KnnHead"/> uses too.
/// Immutable and plain .NET (no libtorch).
/// </summary>
public sealed class KnnClassifier
{
    private readonly float[] _features;
    private readonly int[] _labels;

    /// <summary>A fitted k-NN classifier from its normalised training rows and its search over k.</summary>
    /// <param name="normalizedFeatures">Row-major [rows x dimension], each row of unit length (or zero); copied.</param>
    /// <param name="labels">Class index per row; copied.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="k">Neighbours that vote, 1..rows.</param>
    /// <param name="scores">The cross-validated search over k (empty when k was fixed).</param>
    public KnnClassifier(float[] normalizedFeatures, int[] labels, int classCount, int k, IReadOnlyList<NeighbourCountScore> scores)
    {
        ArgumentNullException.ThrowIfNull(normalizedFeatures);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(scores);
        if (labels.Length == 0 || normalizedFeatures.Length == 0 || normalizedFeatures.Length % labels.Length != 0)
            throw new ArgumentException($"Features ({normalizedFeatures.Length}) must be rows x dimension for {labels.Length} labels.", nameof(normalizedFeatures));
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, labels.Length);
        if (labels.Any(l => (uint)l >= (uint)classCount)) throw new ArgumentException($"Labels must lie in 0..{classCount - 1}.", nameof(labels));
        _features = (float[])normalizedFeatures.Clone();
        _labels = (int[])labels.Clone();
        ClassCount = classCount;
        K = k;
        Scores = [.. scores];
    }

    /// <summary>Number of classes: the length of every probability vector returned.</summary>
    public int ClassCount { get; }

    /// <summary>Neighbours that vote.</summary>
    public int K { get; }

    /// <summary>Length of the feature vectors taken.</summary>
    public int Dimension => _features.Length / _labels.Length;

    /// <summary>Training rows.</summary>
    public int Rows => _labels.Length;

    /// <summary>The normalised training features, row-major [Rows x Dimension].</summary>
    public ReadOnlyMemory<float> Features => _features;

    /// <summary>The class index of each training row, parallel to <see cref="Features"/>.</summary>
    public ReadOnlyMemory<int> Labels => _labels;

    /// <summary>Cross-validated accuracy per candidate k (empty when k was fixed).</summary>
    public IReadOnlyList<NeighbourCountScore> Scores { get; }

    /// <summary>Each class's share of the votes (<see cref="KnnVoting"/>).</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> query)
    {
        if (query.Length != Dimension)
            throw new ArgumentException($"This classifier takes {Dimension} features but got {query.Length}; use the backbone it was trained on.", nameof(query));
        return KnnVoting.Probabilities(_features, _labels, ClassCount, K, query);
    }

    /// <summary>The class with most votes, the lowest index among equals.</summary>
    public int Predict(ReadOnlySpan<float> query) => ClassificationMetrics.ArgMax(PredictProbabilities(query));

    /// <summary>The head for model files, applying <paramref name="transform"/> to raw features (these rows are already transformed).</summary>
    public KnnHead ToHead(FeatureTransform transform) => new(_features, _labels, ClassCount, K, transform);
}
