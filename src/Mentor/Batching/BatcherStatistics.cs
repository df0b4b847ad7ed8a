namespace Mentor.Batching;

/// <summary>A snapshot of what the batch loop has done since start-up (for health reports).</summary>
/// <param name="Running">The loop thread is alive.</param>
/// <param name="Queued">Images waiting now.</param>
/// <param name="Received">Images accepted into the queue since start-up.</param>
/// <param name="Batches">Model calls made.</param>
/// <param name="Images">Images run.</param>
/// <param name="LargestBatch">Most images in one call.</param>
/// <param name="Failures">Images whose model call failed.</param>
public sealed record BatcherStatistics(bool Running, int Queued, long Received, long Batches, long Images, int LargestBatch, long Failures)
{
    /// <summary>Mean images per model call.</summary>
    public double MeanBatch => Batches == 0 ? 0 : (double)Images / Batches;
}
