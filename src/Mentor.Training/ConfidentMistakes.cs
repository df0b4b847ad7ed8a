using Mentor.Evaluation;
using Mentor.Training.Comparison;

namespace Mentor.Training;

/// <summary>The photos a model got wrong with the most confidence: the first ones worth looking at.</summary>
public static class ConfidentMistakes
{
    /// <summary>
    /// Up to <paramref name="count"/> photos whose top label is not their true one, most confident first; a true label
    /// of -1 (unknown) is never a mistake.
    /// </summary>
    public static IReadOnlyList<TestMistake> Find(IReadOnlyList<string> paths, IReadOnlyList<float[]> probabilities, IReadOnlyList<int> truth,
        IReadOnlyList<string> labels, int count = 8) =>
        [.. Enumerable.Range(0, paths.Count)
            .Select(i => (Index: i, Predicted: ClassificationMetrics.ArgMax(probabilities[i])))
            .Where(p => truth[p.Index] >= 0 && p.Predicted != truth[p.Index])
            .OrderByDescending(p => probabilities[p.Index][p.Predicted])
            .Take(count)
            .Select(p => new TestMistake(paths[p.Index], labels[truth[p.Index]], labels[p.Predicted], probabilities[p.Index][p.Predicted]))];
}
