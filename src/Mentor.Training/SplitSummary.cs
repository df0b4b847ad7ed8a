using Mentor.Evaluation;
using Mentor.Features;

namespace Mentor.Training;

/// <summary>
/// One split of a training run: its images, what was skipped, and (for validation and test) the metrics, with the
/// photos measured and the model's probabilities for each (for reports).
/// </summary>
public sealed record SplitSummary(string Name, string Root, int Images, int CacheHits, IReadOnlyList<SkippedFile> Skipped, ClassificationMetrics? Metrics,
    IReadOnlyList<string>? Paths = null, float[][]? Probabilities = null);
