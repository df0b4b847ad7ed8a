namespace Mentor.Training.Tuning;

/// <summary>One fine-tuning epoch's figures.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">Mean label-smoothed cross-entropy over the epoch's batches.</param>
/// <param name="TrainAccuracy">Share of training views classified right while training.</param>
/// <param name="ValidationLoss">Cross-entropy (no smoothing) on the validation photos after the epoch (null without them).</param>
/// <param name="ValidationAccuracy">Accuracy on the validation photos after the epoch (null without them).</param>
/// <param name="Seconds">Wall-clock seconds of the epoch, validation included.</param>
/// <param name="ImagesPerSecond">Training views per second (forward, backward and step).</param>
/// <param name="BackboneLearningRate">The backbone's learning rate at the epoch's end.</param>
/// <param name="Best">Whether this epoch is the best so far (kept).</param>
/// <param name="ElapsedSeconds">Seconds of training from the first epoch's start to this epoch's end.</param>
public sealed record EpochReport(int Epoch, double TrainLoss, double TrainAccuracy, double? ValidationLoss, double? ValidationAccuracy,
    double Seconds, double ImagesPerSecond, double BackboneLearningRate, bool Best, double ElapsedSeconds);

/// <summary>Fine-tuning progress: computing the frozen stages' outputs (<see cref="Extraction"/>), or training an epoch.</summary>
/// <param name="Phase"><c>views</c>, <c>validation views</c>, <c>test views</c> or <c>epoch</c>.</param>
/// <param name="Extraction">Set while the frozen stages run.</param>
/// <param name="Epoch">1-based epoch being trained.</param>
/// <param name="Epochs">Most epochs.</param>
/// <param name="Done">Training views done in this epoch.</param>
/// <param name="Total">Training views per epoch.</param>
/// <param name="Loss">Mean training loss so far in this epoch.</param>
/// <param name="Completed">The epoch just finished, once it is.</param>
public sealed record FineTuneProgress(string Phase, Features.ExtractionProgress? Extraction, int Epoch, int Epochs, int Done, int Total, double Loss,
    EpochReport? Completed);
