using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>
/// The two claims of transfer learning on this dataset: the examples per class a transfer method needs to reach the
/// test accuracy the strongest from-scratch baseline reaches with all the data, and how many times longer it takes to
/// that accuracy than transfer.
/// </summary>
/// <param name="Baseline">The strongest from-scratch baseline (one of <see cref="ComparisonRunner.BaselineMethods"/>), the one measured against.</param>
/// <param name="ScratchAccuracy">That baseline on all the data: test accuracy.</param>
/// <param name="ScratchSeconds">Its training seconds.</param>
/// <param name="ShotsToMatch">Fewest examples per class at which a transfer method's mean accuracy reached <paramref name="ScratchAccuracy"/>.</param>
/// <param name="MatchingMethod">That method.</param>
/// <param name="TransferSeconds">The fewest training seconds with which a transfer run reached <paramref name="ScratchAccuracy"/>.</param>
/// <param name="TimeRatio"><paramref name="ScratchSeconds"/> / <paramref name="TransferSeconds"/>.</param>
/// <param name="MatchNeedsAllData">True when only the whole training pool matched the baseline: no smaller sample did,
/// so transfer learning needed no less data than the baseline (at the shot counts measured).</param>
public sealed record ClaimFigures(string? Baseline, double? ScratchAccuracy, double? ScratchSeconds, int? ShotsToMatch, string? MatchingMethod, double? TransferSeconds, double? TimeRatio,
    bool MatchNeedsAllData = false);
