using Mentor.Evaluation;
using Mentor.Features;

namespace Mentor.Training;

/// <summary>
/// One split of a training run: its images, what was skipped, and (for validation and test) the metrics, with the
/// photos measured and the model's probabilities for each (for reports).
/// </summary>
/// <param name="Name">The split: <c>train</c>, <c>validation</c> or <c>test</c>.</param>
/// <param name="Root">The folder (or shard set) its photos came from.</param>
/// <param name="Images">Photos that gave features.</param>
/// <param name="CacheHits">Of those, photos whose features came from the cache.</param>
/// <param name="Skipped">Files that gave no features, and why.</param>
/// <param name="Metrics">The trained model's metrics on this split; null for the training split.</param>
/// <param name="Paths">The photos measured, in the order of <paramref name="Probabilities"/>; null for the training split.</param>
/// <param name="Probabilities">The model's class probabilities for each photo measured; null for the training split.</param>
public sealed record SplitSummary(string Name, string Root, int Images, int CacheHits, IReadOnlyList<SkippedFile> Skipped, ClassificationMetrics? Metrics,
    IReadOnlyList<string>? Paths = null, float[][]? Probabilities = null);
