using Mentor.Heads.Mlp;

namespace Mentor.Training.Heads.Mlp;

/// <summary>The result of <see cref="MlpTrainer.Fit"/>: the head (applying to raw features) and how training stopped.</summary>
/// <param name="Head">The weights of the kept epoch, standardisation folded in.</param>
/// <param name="BestEpoch">The epoch kept (1-based): the best held-out accuracy, or the last epoch when nothing was held out.</param>
/// <param name="EpochsRun">Epochs trained before stopping.</param>
/// <param name="HeldOutAccuracy">Accuracy of the kept epoch on the held-out rows; null when nothing was held out.</param>
public sealed record MlpFit(MlpHead Head, int BestEpoch, int EpochsRun, double? HeldOutAccuracy);
