namespace Mentor.Reports;

/// <summary>
/// The figures a report shows, by id. Each id is also the <c>id</c> attribute of the HTML <c>&lt;figure&gt;</c>
/// holding that plot, so a reader (or a test) can check that every figure the data calls for is there.
/// </summary>
public static class ReportFigures
{
    /// <summary>Accuracy against examples per class, one line per method (needs <see cref="ReportData.Shots"/>).</summary>
    public const string AccuracyByShots = "accuracy-by-shots";

    /// <summary>Accuracy against training time (needs shots with measured seconds).</summary>
    public const string AccuracyByTime = "accuracy-by-time";

    /// <summary>Confusion matrix heat map (needs <see cref="ReportData.Evaluation"/>).</summary>
    public const string ConfusionMatrix = "confusion-matrix";

    /// <summary>Per-class F1 bars (needs <see cref="ReportData.Evaluation"/>).</summary>
    public const string PerClassF1 = "per-class-f1";

    /// <summary>Loss and validation accuracy per epoch (needs <see cref="ReportData.TrainingCurves"/>).</summary>
    public const string TrainingCurves = "training-curves";

    /// <summary>The ids of the figures <paramref name="data"/> calls for, in page order. The mistakes gallery is a section, not a figure.</summary>
    public static IReadOnlyList<string> Names(ReportData data) => FigureCatalog.For(data).Select(f => f.Id).ToList();
}
