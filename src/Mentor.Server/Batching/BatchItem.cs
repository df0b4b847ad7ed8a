namespace Mentor.Server.Batching;

/// <summary>
/// One prepared image waiting for the model. <see cref="Tensor"/> is rented from the shared array pool by the
/// caller of <see cref="DynamicBatcher.Enqueue"/>; the batcher only reads it, and the caller returns it once
/// <see cref="Result"/> completes.
/// </summary>
internal sealed class BatchItem(float[] tensor, CancellationToken cancellation)
{
    private readonly TaskCompletionSource<float[]> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public float[] Tensor { get; } = tensor;

    /// <summary>Set when the client has gone: the item is dropped instead of run.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The model's output vector for this image.</summary>
    public Task<float[]> Result => _result.Task;

    public void Complete(float[] output) => _result.TrySetResult(output);

    public void Fail(Exception error) => _result.TrySetException(error);

    public void Cancel() => _result.TrySetCanceled(Cancellation);
}
