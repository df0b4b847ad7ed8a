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
