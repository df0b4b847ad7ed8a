namespace Mentor.Heads.Knn;

/// <summary>
/// The one k-NN decision rule, used by the training-time search over k, by in-memory prediction and, as ONNX nodes,
/// by the exported graph (<see cref="KnnHead"/>): every stored row at least as similar as the k-th most similar one
/// votes (so rows tied with the k-th all vote); a class's probability is its share of the votes; the predicted class
/// is the one with most votes, the lowest class index among equals (the arg-max of the probabilities).
/// </summary>
public static class KnnVoting
{
    /// <summary>Each class's share of the votes of the rows at least as similar as <paramref name="kth"/>.</summary>
    /// <param name="similarities">Similarity of the query to each stored row.</param>
    /// <param name="labels">Class of each stored row.</param>
    /// <param name="kth">The k-th largest similarity (<see cref="KthLargest"/>).</param>
    /// <param name="probabilities">One per class; overwritten.</param>
    public static void Vote(ReadOnlySpan<float> similarities, ReadOnlySpan<int> labels, float kth, Span<float> probabilities)
    {
        probabilities.Clear();
        var total = 0;
        for (var r = 0; r < similarities.Length; r++)
        {
            if (similarities[r] < kth) continue;
            probabilities[labels[r]]++;
            total++;
        }
        for (var c = 0; c < probabilities.Length; c++) probabilities[c] /= total;
    }

    /// <summary>The <paramref name="k"/>-th largest of <paramref name="values"/> (1-based, counting equal values apart).</summary>
    public static float KthLargest(ReadOnlySpan<float> values, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, values.Length);
        var copy = values.ToArray();
        Array.Sort(copy);
        return copy[^k];
    }

    /// <summary>
    /// The class probabilities for one query against stored unit-length rows: the query is normalised like ONNX's
    /// LpNormalization, its dot products accumulated in float like a MatMul, then <see cref="Vote"/>.
    /// </summary>
    public static float[] Probabilities(ReadOnlySpan<float> normalizedRows, ReadOnlySpan<int> labels, int classes, int k, ReadOnlySpan<float> query)
    {
        var q = query.ToArray();
        Normalize(q);
        var dimension = q.Length;
        var similarities = new float[labels.Length];
        for (var r = 0; r < similarities.Length; r++)
        {
            var row = normalizedRows.Slice(r * dimension, dimension);
            var dot = 0f;
            for (var j = 0; j < dimension; j++) dot += row[j] * q[j];
            similarities[r] = dot;
        }
        var probabilities = new float[classes];
        Vote(similarities, labels, KthLargest(similarities, k), probabilities);
        return probabilities;
    }

    /// <summary>Scales a row to unit length in place (a zero row stays zero).</summary>
    public static void Normalize(Span<float> row)
    {
        double sum = 0;
        foreach (var v in row) sum += v * v;
        if (sum <= 0) return;
        var scale = (float)(1 / Math.Sqrt(sum));
        for (var j = 0; j < row.Length; j++) row[j] *= scale;
    }
}
