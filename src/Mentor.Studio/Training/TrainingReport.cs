using Mentor.Evaluation;

namespace Mentor.Studio.Training;

/// <summary>
/// What the page shows after training: the split, the held-out figures (accuracy, per class, confusion matrix with rows
/// the true class and columns the predicted one), every held-out photo's prediction and the most confident mistakes.
/// Figures are null when no class had photos to hold out. <see cref="Chosen"/> is the head's setting; it was searched
/// on <see cref="SearchedOnPhotos"/> photos, in this run when <see cref="Searched"/>, else kept from an earlier one.
/// </summary>
public sealed record TrainingReport(
    DateTimeOffset Finished,
    double Seconds,
    int TrainPhotos,
    int HeldOutPhotos,
    int CacheHits,
    double HeldOutFraction,
    int Seed,
    string Chosen,
    bool Searched,
    int SearchedOnPhotos,
    IReadOnlyList<string> Labels,
    double? Accuracy,
    double? BalancedAccuracy,
    double? MacroF1,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] Confusion,
    IReadOnlyList<HeldOutPhoto> HeldOut,
    IReadOnlyList<HeldOutPhoto> Mistakes,
    IReadOnlyList<string> Skipped);
