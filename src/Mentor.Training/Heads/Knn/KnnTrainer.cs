using Mentor.Heads.Knn;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Heads.Knn;

/// <summary>
/// Builds a cosine k-nearest-neighbours head: features are L2-normalised, and k is fixed or chosen by
/// stratified cross-validation (similarities by libtorch, votes by <see cref="KnnVoting"/>, the rule the model file uses).
/// The constructor only stores the options; <see cref="Fit"/> returns an immutable <see cref="KnnClassifier"/>.
/// </summary>
public sealed class KnnTrainer
{
    /// <summary>Stores and checks the options; no work is done until <see cref="Fit"/>.</summary>
    /// <param name="options">How k is fixed or chosen; null: the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="KnnOptions.K"/> is below 1 or <see cref="KnnOptions.Folds"/> below 2.</exception>
    /// <exception cref="ArgumentException"><see cref="KnnOptions.Candidates"/> is empty or holds a count below 1.</exception>
    public KnnTrainer(KnnOptions? options = null)
    {
        Options = options ?? new KnnOptions();
        if (Options.K is { } k) ArgumentOutOfRangeException.ThrowIfLessThan(k, 1, nameof(Options.K));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Folds, 2, nameof(Options.Folds));
        if (Options.Candidates is { } candidates && (candidates.Count == 0 || candidates.Any(c => c < 1)))
        {
            throw new ArgumentException("Candidates must hold at least one neighbour count of 1 or more.", nameof(options));
        }
    }

    /// <summary>The options every fit uses (defaults when none were given).</summary>
    public KnnOptions Options { get; }

    /// <summary>Normalises the rows and fixes or chooses k.</summary>
    /// <exception cref="TrainingDataException">The data cannot be learnt from; the message names the fix.</exception>
    public KnnClassifier Fit(float[][] features, int[] labels, int classCount)
    {
        var train = TrainingSet.Create(features, labels, classCount);
        train.RequireTwoClasses();
        float[] rows = train.Flatten();
        for (int i = 0; i < train.Rows; i++) KnnVoting.Normalize(rows.AsSpan(i * train.Dimension, train.Dimension));
        if (Options.K is { } k)
        {
            if (k > train.Rows)
            {
                throw new TrainingDataException($"k = {k} neighbours but only {train.Rows} training rows; use a smaller k or more data.");
            }
            return new KnnClassifier(rows, train.Labels, classCount, k, []);
        }
        var scores = CrossValidate(rows, train);
        var best = scores.MaxBy(s => s.Accuracy)!;   // first (smallest k) among equals
        return new KnnClassifier(rows, train.Labels, classCount, best.K, scores);
    }

    NeighbourCountScore[] CrossValidate(float[] rows, TrainingSet train)
    {
        int n = train.Rows, d = train.Dimension, folds = Options.Folds;
        int[] fold = StratifiedFolds.Assign(train.Labels, train.ClassCount, folds, Options.Seed);
        int smallestTraining = Enumerable.Range(0, folds).Min(f => fold.Count(g => g != f));
        int[] candidates = (Options.Candidates ?? KnnOptions.DefaultCandidates).Where(c => c <= smallestTraining).Distinct().Order().ToArray();
        if (candidates.Length == 0) candidates = [1];
        int kMax = candidates[^1];
        var correct = new double[folds, candidates.Length];
        var counts = new int[folds];

        using var threads = TorchRuntime.UseThreads(Options.Threads);
        using var all = tensor(rows, [n, d]);
        var probabilities = new float[train.ClassCount];
        for (int f = 0; f < folds; f++)
        {
            using var scope = NewDisposeScope();
            int[] heldOut = Enumerable.Range(0, n).Where(i => fold[i] == f).ToArray();
            int[] kept = Enumerable.Range(0, n).Where(i => fold[i] != f).ToArray();
            int[] keptLabels = kept.Select(i => train.Labels[i]).ToArray();
            var queries = all.index_select(0, tensor(heldOut.Select(i => (long)i).ToArray()));
            var reference = all.index_select(0, tensor(kept.Select(i => (long)i).ToArray()));
            var similarities = queries.matmul(reference.t()).contiguous();
            float[] allSimilarities = similarities.data<float>().ToArray();
            float[] top = similarities.topk(kMax, dim: 1, largest: true, sorted: true).values.contiguous().data<float>().ToArray();
            for (int q = 0; q < heldOut.Length; q++)
            {
                var row = allSimilarities.AsSpan(q * kept.Length, kept.Length);
                for (int c = 0; c < candidates.Length; c++)
                {
                    KnnVoting.Vote(row, keptLabels, top[q * kMax + candidates[c] - 1], probabilities);
                    if (Evaluation.ClassificationMetrics.ArgMax(probabilities) == train.Labels[heldOut[q]]) correct[f, c]++;
                }
            }
            counts[f] = heldOut.Length;
        }
        return candidates
            .Select((k, c) => new NeighbourCountScore(k, Enumerable.Range(0, folds).Where(f => counts[f] > 0).Average(f => correct[f, c] / counts[f])))
            .ToArray();
    }
}
