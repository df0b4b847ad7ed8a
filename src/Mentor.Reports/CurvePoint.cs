namespace Mentor.Reports;

/// <summary>The state at the end of one epoch.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="Seconds">Training seconds since the start, cumulative.</param>
/// <param name="TrainLoss">Mean training loss over the epoch.</param>
/// <param name="ValidationAccuracy">Accuracy (0 to 1) on the validation split, when one was measured this epoch.</param>
public sealed record CurvePoint(int Epoch, double Seconds, double TrainLoss, double? ValidationAccuracy);
