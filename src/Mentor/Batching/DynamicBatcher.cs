using System.Collections.Concurrent;

namespace Mentor.Batching;

/// <summary>
/// Collects prepared images from concurrent requests and runs them through one model in batches: once the loop
/// holds an image it waits at most <c>window</c> for others (longer while callers say more are being prepared), up to
/// <c>maxBatch</c>, then makes one
/// <see cref="IImageBatchModel.Run(float[], int, float[])"/> call. One thread owns the model (whose Run is not thread-safe). A failing
/// call is retried image by image so that one bad item fails alone, and the loop survives any exception.
/// Does not own the model; dispose the batcher first (it finishes queued work), then the model.
/// </summary>
public sealed class DynamicBatcher : IDisposable
{
    private static readonly TaskCompletionSource Idle = Completed();

    // Bounds the wait for images being prepared: one that takes longer (a huge photo) does not hold the batch.
    private static readonly TimeSpan PreparingWaitLimit = TimeSpan.FromMilliseconds(100);
    private readonly IImageBatchModel _model;
    private readonly int _maxBatch;
    private readonly TimeSpan _window;
    private readonly BlockingCollection<BatchItem> _queue;
    private readonly Thread _thread;
    private readonly int _capacity;
    private readonly float[] _inputs;
    private readonly float[] _outputs;
    private TaskCompletionSource _running = Idle;
    private long _received, _batches, _images, _failures;
    private int _largest, _preparing;

    /// <summary>Starts the batch loop (one background thread) over <paramref name="model"/>, which it does not own.</summary>
    /// <param name="model">The model; only the loop thread calls its <see cref="IImageBatchModel.Run(float[], int, float[])"/>.</param>
    /// <param name="maxBatch">Most images in one call.</param>
    /// <param name="window">How long the loop waits for more images once it holds one.</param>
    /// <param name="maxQueued">Images waiting before <see cref="Enqueue"/> refuses more.</param>
    public DynamicBatcher(IImageBatchModel model, int maxBatch, TimeSpan window, int maxQueued)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueued, 1);
        _model = model;
        _maxBatch = maxBatch;
        _window = window;
        _capacity = maxQueued;
        _queue = new BlockingCollection<BatchItem>(maxQueued);
        _inputs = new float[maxBatch * model.Preprocessing.TensorLength];
        _outputs = new float[maxBatch * model.OutputSize];
        _thread = new Thread(Loop) { IsBackground = true, Name = "mentor-batcher" };
        _thread.Start();
    }

    /// <summary>Floats per prepared image.</summary>
    public int TensorLength => _model.Preprocessing.TensorLength;

    /// <summary>Queues one prepared image; its task completes with the model's output.</summary>
    /// <exception cref="BatcherBusyException">The queue is full or the batcher is stopping.</exception>
    public BatchItem Enqueue(float[] tensor, CancellationToken cancellation)
    {
        var item = new BatchItem(tensor, cancellation);
        bool added;
        try { added = _queue.TryAdd(item); }
        catch (InvalidOperationException) { added = false; } // completed for adding or disposed (ObjectDisposedException): shutting down
        if (!added) throw new BatcherBusyException($"the model is busy ({_capacity} images waiting); retry shortly");
        Interlocked.Increment(ref _received);
        return item;
    }

    /// <summary>
    /// Completes once the model is not running a batch (at once when it is not). Decoding waits for it: the model's threads
    /// work in parallel sections that wait for their slowest, so a decoder holding a core mid-batch stalls all of them.
    /// </summary>
    internal Task ModelIdle => Volatile.Read(ref _running).Task;

    /// <summary>
    /// A caller has started preparing an image it will enqueue (or drop: <see cref="PreparingEnded"/> either way). While
    /// any are, a batch waits for them past the window: decoding happens between batches (see <see cref="ModelIdle"/>),
    /// so without this the model would run the few images decoded within one window while the rest wait a whole batch.
    /// </summary>
    internal void PreparingStarted() => Interlocked.Increment(ref _preparing);

    /// <summary>The image announced by <see cref="PreparingStarted"/> is queued or dropped.</summary>
    internal void PreparingEnded() => Interlocked.Decrement(ref _preparing);

    /// <summary>What the loop has done since start-up, and whether it still runs.</summary>
    public BatcherStatistics Statistics =>
        new(_thread.IsAlive, _queue.Count, Interlocked.Read(ref _received), Interlocked.Read(ref _batches), Interlocked.Read(ref _images), Volatile.Read(ref _largest), Interlocked.Read(ref _failures));

    private void Loop()
    {
        var batch = new List<BatchItem>(_maxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Clear();
            batch.Add(first);
            Collect(batch);
            try
            {
                RunBatch(batch);
            }
            catch (Exception e)
            {
                // Never let the loop die: whatever went wrong belongs to this batch only.
                Interlocked.Add(ref _failures, batch.Count(i => !i.Result.IsCompleted));
                foreach (var item in batch) item.Fail(e);
            }
        }
    }

    private void Collect(List<BatchItem> batch)
    {
        var start = DateTime.UtcNow;
        var deadline = start + _window;
        var preparingDeadline = start + PreparingWaitLimit;
        while (batch.Count < _maxBatch)
        {
            if (_queue.TryTake(out var next)) { batch.Add(next); continue; }
            var preparing = Volatile.Read(ref _preparing) > 0;
            var left = (preparing ? preparingDeadline : deadline) - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) break;
            // While images are being prepared, wait in slices of one window: the batch starts soon after the last arrives.
            if (_queue.TryTake(out next, left < _window ? left : _window)) batch.Add(next);
            else if (!preparing) break;
        }
    }

    private void RunBatch(List<BatchItem> batch)
    {
        var live = batch.Where(i => !i.Cancellation.IsCancellationRequested).ToList();
        foreach (var gone in batch.Where(i => i.Cancellation.IsCancellationRequested)) gone.Cancel();
        if (live.Count == 0) return;
        try
        {
            Run(live);
        }
        catch (Exception) when (live.Count > 1)
        {
            foreach (var item in live)
            {
                try { Run([item]); }
                catch (Exception e) { Interlocked.Increment(ref _failures); item.Fail(e); }
            }
        }
    }

    private void Run(List<BatchItem> items)
    {
        var length = TensorLength;
        for (var i = 0; i < items.Count; i++) items[i].Tensor.AsSpan(0, length).CopyTo(_inputs.AsSpan(i * length, length));
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _running, running);
        try
        {
            _model.Run(_inputs, items.Count, _outputs);
        }
        finally
        {
            Volatile.Write(ref _running, Idle);
            running.SetResult();
        }
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _images, items.Count);
        if (items.Count > _largest) Volatile.Write(ref _largest, items.Count);
        var size = _model.OutputSize;
        for (var i = 0; i < items.Count; i++) items[i].Complete(_outputs.AsSpan(i * size, size).ToArray());
    }

    /// <summary>Stops taking images, finishes the queued ones, and waits for the loop to end.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
