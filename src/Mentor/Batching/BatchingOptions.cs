namespace Mentor.Batching;

/// <summary>How a <see cref="BatchedImagePredictor"/> gathers images from concurrent callers. Defaults suit two to eight cores.</summary>
public sealed record BatchingOptions
{
    /// <summary>Most images run through the model in one call.</summary>
    public int MaxBatchSize { get; init; } = 16;

    /// <summary>How long the batch loop waits for more images once it holds one.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(4);

    /// <summary>Images decoded at once on the callers' threads (0: one per core).</summary>
    public int DecodeConcurrency { get; init; }

    /// <summary>Images waiting for the model before new ones are refused with <see cref="BatcherBusyException"/>.</summary>
    public int MaxQueuedImages { get; init; } = 1024;

    /// <summary>The effective decode concurrency.</summary>
    internal int DecodeSlots => DecodeConcurrency > 0 ? DecodeConcurrency : Environment.ProcessorCount;
}
