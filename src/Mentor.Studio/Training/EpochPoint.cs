namespace Mentor.Studio.Training;

/// <summary>One finished fine-tuning epoch on the page's curve.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">Mean training loss over the epoch.</param>
/// <param name="ValidationAccuracy">Accuracy on the photos held out to choose the epoch.</param>
/// <param name="Seconds">Fine-tuning time up to the epoch's end.</param>
/// <param name="Best">Whether it is the best epoch so far (the one kept).</param>
public sealed record EpochPoint(int Epoch, double TrainLoss, double? ValidationAccuracy, double Seconds, bool Best);
