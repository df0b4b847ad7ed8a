namespace Mentor.Batching;

/// <summary>
/// One prepared image waiting for the model. <see cref="Tensor"/> is rented from the shared array pool by the
/// caller of <see cref="DynamicBatcher.Enqueue"/>; the batcher only reads it, and the caller returns it once
/// <see cref="Result"/> completes.
/// </summary>
public sealed class BatchItem
{
    private readonly TaskCompletionSource<float[]> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal BatchItem(float[] tensor, CancellationToken cancellation)
    {
        Tensor = tensor;
        Cancellation = cancellation;
    }

    /// <summary>The prepared image, read by the batch loop until <see cref="Result"/> completes.</summary>
    public float[] Tensor { get; }

    /// <summary>Set when the caller has gone: the item is dropped instead of run.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The model's output vector for this image.</summary>
    public Task<float[]> Result => _result.Task;

    internal void Complete(float[] output) => _result.TrySetResult(output);

    internal void Fail(Exception error) => _result.TrySetException(error);

    internal void Cancel() => _result.TrySetCanceled(Cancellation);
}
