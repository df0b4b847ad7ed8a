namespace Mentor.Training.Heads;

/// <summary>The k-NN decision rule, shared by training-time search and prediction (plain .NET).</summary>
internal static class KnnVoting
{
    /// <summary>
    /// Writes each class's share of the votes of the first <paramref name="k"/> neighbours (most similar first)
    /// into <paramref name="probabilities"/> and returns the winner: most votes, then the largest similarity
    /// sum, then the lowest class index.
    /// </summary>
    public static int Vote(ReadOnlySpan<int> neighbourLabels, ReadOnlySpan<float> similarities, int k, Span<float> probabilities)
    {
        Span<double> similaritySums = stackalloc double[probabilities.Length];
        probabilities.Clear();
        for (int i = 0; i < k; i++)
        {
            probabilities[neighbourLabels[i]] += 1;
            similaritySums[neighbourLabels[i]] += similarities[i];
        }
        int best = 0;
        for (int c = 1; c < probabilities.Length; c++)
        {
            if (probabilities[c] > probabilities[best] || (probabilities[c] == probabilities[best] && similaritySums[c] > similaritySums[best])) best = c;
        }
        for (int c = 0; c < probabilities.Length; c++) probabilities[c] /= k;
        return best;
    }

    /// <summary>Scales a row to unit length in place (a zero row stays zero).</summary>
    public static void Normalize(Span<float> row)
    {
        double sum = 0;
        foreach (float v in row) sum += v * v;
        if (sum <= 0) return;
        float scale = (float)(1 / Math.Sqrt(sum));
        for (int j = 0; j < row.Length; j++) row[j] *= scale;
    }
}
