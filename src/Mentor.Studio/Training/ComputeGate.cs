namespace Mentor.Studio.Training;

/// <summary>
/// One heavy computation at a time (training, or a batch of background features): on a small machine two would only
/// slow each other and the page's requests down.
/// </summary>
public sealed class ComputeGate : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    /// <summary>Waits for the gate; dispose the result to leave it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellation)
    {
        await _semaphore.WaitAsync(cancellation).ConfigureAwait(false);
        return new Exit(_semaphore);
    }

    private sealed class Exit(SemaphoreSlim semaphore) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) semaphore.Release();
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
