namespace Mentor.Training.Tuning;

/// <summary>Fine-tuning progress: computing the frozen stages' outputs (<see cref="Extraction"/>), or training an epoch.</summary>
/// <param name="Phase"><c>views</c>, <c>validation views</c>, <c>test views</c> (<c>photos</c>, <c>validation photos</c>, <c>test photos</c> for a network trained from pixels) or <c>epoch</c>.</param>
/// <param name="Extraction">Set while the frozen stages run.</param>
/// <param name="Epoch">1-based epoch being trained.</param>
/// <param name="Epochs">Most epochs; 0 when only a time budget ends the run.</param>
/// <param name="Done">Training views done in this epoch.</param>
/// <param name="Total">Training views per epoch.</param>
/// <param name="Loss">Mean training loss so far in this epoch.</param>
/// <param name="Completed">The epoch just finished, once it is.</param>
public sealed record FineTuneProgress(string Phase, Features.ExtractionProgress? Extraction, int Epoch, int Epochs, int Done, int Total, double Loss,
    EpochReport? Completed);
