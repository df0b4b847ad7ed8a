using System.Buffers;
using Mentor.Backbones;
using Mentor.Features;

namespace Mentor.Batching;

/// <summary>
/// Encoded image to output vector, safe to call from any number of threads: decodes on the calling thread, at most
/// <see cref="BatchingOptions.DecodeConcurrency"/> at once and only between the model's batches (a decoder holding a core
/// mid-batch stalls the model's threads), then hands the tensor to a <see cref="DynamicBatcher"/>, which runs concurrent
/// images through the model together.
/// Owns the batcher, not the model: dispose this (it finishes queued images), then the model.
/// </summary>
public sealed class BatchedImagePredictor : IDisposable
{
    private readonly SemaphoreSlim _decodeSlots;
    private readonly PreprocessingSpec _preprocessing;

    /// <summary>Starts the batch loop over <paramref name="model"/>.</summary>
    /// <param name="model">The model (for example an <see cref="Models.ImageClassifier"/>); not owned.</param>
    /// <param name="options">Batch size, window, decode concurrency and queue limit.</param>
    public BatchedImagePredictor(IImageBatchModel model, BatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _preprocessing = model.Preprocessing;
        _decodeSlots = new SemaphoreSlim(options.DecodeSlots);
        Batcher = new DynamicBatcher(model, options.MaxBatchSize, options.BatchWindow, options.MaxQueuedImages);
    }

    /// <summary>The batch loop (its statistics tell whether it runs).</summary>
    public DynamicBatcher Batcher { get; }

    /// <summary>When this predictor started.</summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>The model's output for one encoded image.</summary>
    /// <exception cref="Imaging.ImageDecodeException">The bytes are not a usable image (nothing was queued).</exception>
    /// <exception cref="BatcherBusyException">Too many images are waiting.</exception>
    public async Task<float[]> PredictAsync(byte[] encoded, string name, CancellationToken cancellation)
    {
        var tensor = ArrayPool<float>.Shared.Rent(_preprocessing.TensorLength);
        try
        {
            var item = await PrepareAndEnqueueAsync(encoded, name, tensor, cancellation).ConfigureAwait(false);
            // Not WaitAsync(cancellation): the batcher may be reading the tensor, so it goes back to the pool only once the item is done.
            return await item.Result.ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    // Announced to the batcher from the moment it waits for a decode slot until it is queued, so that the batch being
    // gathered waits for it rather than leaving it for the next one.
    private async Task<BatchItem> PrepareAndEnqueueAsync(byte[] encoded, string name, float[] tensor, CancellationToken cancellation)
    {
        Batcher.PreparingStarted();
        try
        {
            await _decodeSlots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                await Batcher.ModelIdle.WaitAsync(cancellation).ConfigureAwait(false);
                ImagePreparer.Prepare(encoded, name, _preprocessing, tensor.AsSpan(0, _preprocessing.TensorLength));
            }
            finally
            {
                _decodeSlots.Release();
            }
            return Batcher.Enqueue(tensor, cancellation);
        }
        finally
        {
            Batcher.PreparingEnded();
        }
    }

    /// <summary>Stops taking images, finishes the queued ones, and releases the decode slots.</summary>
    public void Dispose()
    {
        Batcher.Dispose();
        _decodeSlots.Dispose();
    }
}
