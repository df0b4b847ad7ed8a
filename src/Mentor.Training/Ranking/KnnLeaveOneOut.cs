using Mentor.Evaluation;
using Mentor.Heads.Knn;
using Mentor.Training.Heads;
using Mentor.Training.Heads.Knn;
using static TorchSharp.torch;

namespace Mentor.Training.Ranking;

/// <summary>
/// Leave-one-out accuracy of cosine k-nearest neighbours: each row is classified by the other rows, with the vote of
/// the k-NN head (<see cref="KnnVoting"/>: every row as similar as the k-th votes, ties to the lowest class). Neighbours are
/// ordered by similarity, then by row index, so the score is the same on every run.
/// </summary>
public static class KnnLeaveOneOut
{
    private const int BlockRows = 256;

    /// <summary>The best leave-one-out accuracy over <paramref name="neighbourCounts"/> (default
    /// <see cref="KnnOptions.DefaultCandidates"/>; counts above rows - 1 dropped), the smallest k among equals.</summary>
    /// <exception cref="TrainingDataException">The rows are empty, ragged, not finite, or of one class.</exception>
    public static NeighbourScore Score(float[][] features, int[] labels, int classCount, IReadOnlyList<int>? neighbourCounts = null)
    {
        var set = TrainingSet.Create(features, labels, classCount);
        set.RequireTwoClasses();
        int n = set.Rows, d = set.Dimension;
        var counts = (neighbourCounts ?? KnnOptions.DefaultCandidates).Where(k => k >= 1 && k < n).Distinct().Order().ToArray();
        if (counts.Length == 0) counts = [1];
        var kMax = counts[^1];
        var rows = set.Flatten();
        for (var i = 0; i < n; i++) KnnVoting.Normalize(rows.AsSpan(i * d, d));

        var correct = new int[counts.Length];
        var neighbours = new int[kMax];
        var similarities = new float[kMax];
        var neighbourLabels = new int[kMax];
        var votes = new float[classCount];
        TorchRuntime.EnsureLoaded();
        using var all = tensor(rows, [n, d]);
        using var allT = all.t();
        for (var start = 0; start < n; start += BlockRows)
        {
            var count = Math.Min(BlockRows, n - start);
            float[] block;
            using (var scope = NewDisposeScope())
                block = all.narrow(0, start, count).matmul(allT).data<float>().ToArray();
            for (var q = 0; q < count; q++)
            {
                Nearest(block.AsSpan(q * n, n), start + q, neighbours, similarities);
                for (var j = 0; j < kMax; j++) neighbourLabels[j] = set.Labels[neighbours[j]];
                for (var c = 0; c < counts.Length; c++)
                {
                    // The head's rule: every neighbour at least as similar as the k-th votes; ties go to the lower class.
                    KnnVoting.Vote(similarities, neighbourLabels, similarities[counts[c] - 1], votes);
                    if (ClassificationMetrics.ArgMax(votes) == set.Labels[start + q]) correct[c]++;
                }
            }
        }
        var best = Enumerable.Range(0, counts.Length).MaxBy(c => (correct[c], -counts[c]));
        return new NeighbourScore((double)correct[best] / n, counts[best]);
    }

    // The neighbours.Length most similar rows other than self, most similar first, lower index first among equals.
    private static void Nearest(ReadOnlySpan<float> row, int self, int[] neighbours, float[] similarities)
    {
        var found = 0;
        for (var j = 0; j < row.Length; j++)
        {
            if (j == self) continue;
            var similarity = row[j];
            if (found == neighbours.Length && similarity <= similarities[found - 1]) continue;
            var at = found < neighbours.Length ? found++ : found - 1;
            while (at > 0 && similarities[at - 1] < similarity)
            {
                similarities[at] = similarities[at - 1];
                neighbours[at] = neighbours[at - 1];
                at--;
            }
            similarities[at] = similarity;
            neighbours[at] = j;
        }
    }
}
