namespace Mentor.Studio.Training;

/// <summary>Where the training job is, as streamed to the page.</summary>
/// <param name="State"><c>idle</c>, <c>running</c>, <c>done</c>, <c>cancelled</c> or <c>failed</c>.</param>
/// <param name="Phase">
/// While running: <c>waiting</c>, <c>features</c> (the background features being finished), <c>train</c> / <c>test</c>
/// (featurising that split), <c>fit</c>, <c>fine-tune</c>, <c>save</c>, <c>report</c>, <c>load</c>.
/// </param>
/// <param name="Done">Photos (or, fine-tuning, training views of the epoch) done so far in this phase.</param>
/// <param name="Total">Photos (or views) in this phase.</param>
/// <param name="Seconds">Since the run started (the whole run once finished).</param>
/// <param name="Message">Why the run failed, naming the fix.</param>
/// <param name="Run">Counts runs, so the page sees a new result even when two in a row end the same way.</param>
/// <param name="FineTune">Whether this run fine-tunes the backbone.</param>
/// <param name="Epochs">Fine-tuning's finished epochs so far: the page's training curve.</param>
public sealed record TrainingStatus(string State, string? Phase, int Done, int Total, double Seconds, string? Message, int Run,
    bool FineTune = false, IReadOnlyList<EpochPoint>? Epochs = null)
{
    public static TrainingStatus Idle { get; } = new("idle", null, 0, 0, 0, null, 0);
}

