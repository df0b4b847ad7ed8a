using Mentor.Evaluation;

namespace Mentor.Reports;

/// <summary>
/// Everything one HTML report shows. Each part is optional: a section appears only when its data is there
/// (a single training run has no <see cref="Shots"/>; a run without fine-tuning has no <see cref="TrainingCurves"/>).
/// Serialisable with System.Text.Json; the caller picks the naming policy.
/// </summary>
public sealed record ReportData
{
    /// <summary>The page heading.</summary>
    public required string Title { get; init; }

    /// <summary>A line under the heading, e.g. the dataset path and the date.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Headline facts, shown as a small table at the top.</summary>
    public IReadOnlyList<ReportFact> Summary { get; init; } = [];

    /// <summary>Accuracy and training time of several methods as the examples per class grow.</summary>
    public ShotsComparison? Shots { get; init; }

    /// <summary>One classifier on labelled examples: confusion matrix and per-class F1.</summary>
    public ClassificationMetrics? Evaluation { get; init; }

    /// <summary>What <see cref="Evaluation"/> measured, e.g. "fine-tuned, test set".</summary>
    public string? EvaluationName { get; init; }

    /// <summary>Misclassified photos, shown as a gallery of thumbnails.</summary>
    public IReadOnlyList<Mistake> Mistakes { get; init; } = [];

    /// <summary>Loss and validation accuracy per epoch of each trained network.</summary>
    public IReadOnlyList<TrainingCurve> TrainingCurves { get; init; } = [];
}
