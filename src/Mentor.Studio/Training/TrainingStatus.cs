namespace Mentor.Studio.Training;

/// <summary>Where the training job is, as streamed to the page.</summary>
/// <param name="State"><c>idle</c>, <c>running</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Phase">While running: <c>waiting</c>, <c>train</c> / <c>test</c> (featurising that split), <c>fit</c>, <c>save</c>.</param>
/// <param name="Done">Photos featurised so far in this phase.</param>
/// <param name="Total">Photos in this phase.</param>
/// <param name="Seconds">Since the run started (the whole run once finished).</param>
/// <param name="Message">Why the run failed, naming the fix.</param>
/// <param name="Run">Counts runs, so the page sees a new result even when two in a row end the same way.</param>
public sealed record TrainingStatus(string State, string? Phase, int Done, int Total, double Seconds, string? Message, int Run)
{
    public static TrainingStatus Idle { get; } = new("idle", null, 0, 0, 0, null, 0);
}
