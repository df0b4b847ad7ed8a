namespace Mentor.Training.Heads;

/// <summary>
/// A trained cosine k-nearest-neighbours classifier: the L2-normalised training features and their labels.
/// A query is normalised too; its k most similar training rows vote, and each class's probability is its
/// share of the votes (<see cref="Predict"/> breaks ties by the larger similarity sum). Immutable and plain
/// .NET (no libtorch).
/// </summary>
public sealed class KnnClassifier
{
    readonly float[] features;
    readonly int[] labels;

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
        {
            throw new ArgumentException($"Features ({normalizedFeatures.Length}) must be rows x dimension for {labels.Length} labels.", nameof(normalizedFeatures));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, labels.Length);
        if (labels.Any(l => (uint)l >= (uint)classCount)) throw new ArgumentException($"Labels must lie in 0..{classCount - 1}.", nameof(labels));
        features = (float[])normalizedFeatures.Clone();
        this.labels = (int[])labels.Clone();
        ClassCount = classCount;
        K = k;
        Scores = scores.ToArray();
    }

    public int ClassCount { get; }

    /// <summary>Neighbours that vote.</summary>
    public int K { get; }

    public int Dimension => features.Length / labels.Length;

    /// <summary>Training rows.</summary>
    public int Rows => labels.Length;

    /// <summary>The normalised training features, row-major [Rows x Dimension].</summary>
    public ReadOnlyMemory<float> Features => features;

    public ReadOnlyMemory<int> Labels => labels;

    /// <summary>Cross-validated accuracy per candidate k (empty when k was fixed).</summary>
    public IReadOnlyList<NeighbourCountScore> Scores { get; }

    /// <summary>Each class's share of the k nearest neighbours' votes.</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> query)
    {
        var probabilities = new float[ClassCount];
        Classify(query, probabilities);
        return probabilities;
    }

    /// <summary>The class with most votes; ties go to the larger similarity sum.</summary>
    public int Predict(ReadOnlySpan<float> query) => Classify(query, new float[ClassCount]);

    int Classify(ReadOnlySpan<float> query, Span<float> probabilities)
    {
        int d = Dimension;
        if (query.Length != d)
        {
            throw new ArgumentException($"This classifier takes {d} features but got {query.Length}; use the backbone it was trained on.", nameof(query));
        }
        var q = query.ToArray();
        KnnVoting.Normalize(q);
        // The k most similar rows, most similar first; equal similarities keep the earlier row first.
        var bestSimilarities = new float[K];
        var bestLabels = new int[K];
        int found = 0;
        for (int i = 0; i < labels.Length; i++)
        {
            ReadOnlySpan<float> row = features.AsSpan(i * d, d);
            float similarity = 0;
            for (int j = 0; j < d; j++) similarity += row[j] * q[j];
            if (found == K && similarity <= bestSimilarities[K - 1]) continue;
            int at = found < K ? found++ : K - 1;
            while (at > 0 && bestSimilarities[at - 1] < similarity)
            {
                bestSimilarities[at] = bestSimilarities[at - 1];
                bestLabels[at] = bestLabels[at - 1];
                at--;
            }
            bestSimilarities[at] = similarity;
            bestLabels[at] = labels[i];
        }
        return KnnVoting.Vote(bestLabels, bestSimilarities, K, probabilities);
    }
}
