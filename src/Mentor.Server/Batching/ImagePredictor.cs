using System.Buffers;
using Mentor.Backbones;
using Mentor.Features;

namespace Mentor.Server.Batching;

/// <summary>
/// Encoded image to output vector: decodes on the calling (request) thread, at most <c>decodeSlots</c> at once so
/// that decoding cannot starve the model of cores, then hands the tensor to the <see cref="DynamicBatcher"/>.
/// A slow upload never holds a slot: the body is read before this is called. Owns the batcher, not the model.
/// </summary>
internal sealed class ImagePredictor : IDisposable
{
    private readonly SemaphoreSlim _decodeSlots;
    private readonly PreprocessingSpec _preprocessing;

    public ImagePredictor(IImageBatchModel model, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _preprocessing = model.Preprocessing;
        _decodeSlots = new SemaphoreSlim(options.DecodeSlots);
        Batcher = new DynamicBatcher(model, options.MaxBatchSize, options.BatchWindow, options.MaxQueuedImages);
    }

    public DynamicBatcher Batcher { get; }

    /// <summary>When this predictor (and so the server) started.</summary>
    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    /// <summary>The model's output for one encoded image.</summary>
    /// <exception cref="Imaging.ImageDecodeException">The bytes are not a usable image (nothing was queued).</exception>
    /// <exception cref="ServerBusyException">Too many images are waiting.</exception>
    public async Task<float[]> PredictAsync(byte[] encoded, string name, CancellationToken cancellation)
    {
        var tensor = ArrayPool<float>.Shared.Rent(_preprocessing.TensorLength);
        try
        {
            await _decodeSlots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                ImagePreparer.Prepare(encoded, name, _preprocessing, tensor.AsSpan(0, _preprocessing.TensorLength));
            }
            finally
            {
                _decodeSlots.Release();
            }
            var item = Batcher.Enqueue(tensor, cancellation);
            // Not WaitAsync(cancellation): the batcher may be reading the tensor, so it goes back to the pool only once the item is done.
            return await item.Result.ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    public void Dispose()
    {
        Batcher.Dispose();
        _decodeSlots.Dispose();
    }
}
