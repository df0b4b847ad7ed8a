using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Mentor.Backbones;
using Mentor.Imaging;

namespace Mentor.Features;

/// <summary>
/// Files to vectors (backbone features, or a classifier's probabilities), as fast as the model allows: a reader hashes each file and answers from the cache
/// when it can; decoding threads prepare the misses between the backbone's batches; bounded queues keep memory flat.
/// New vectors go to the cache. Not thread-safe: one extraction at a time per instance.
/// </summary>
/// <param name="model">The backbone or classifier run; not owned: the caller disposes it after the extractor's last use.</param>
/// <param name="cache">Where vectors are looked up and stored, keyed by the model's identity, its preprocessing and each file's bytes; null: no cache.</param>
/// <param name="options">Batch size, decoding threads and preparation; null: <see cref="ExtractionOptions.Default"/>.</param>
public sealed class FeatureExtractor(IImageBatchModel model, FeatureCache? cache, ExtractionOptions? options = null)
{
    private readonly ExtractionOptions _options = options ?? ExtractionOptions.Default;
    private readonly string _namespace = FeatureKey.NamespaceFor(model.Identity, $"{model.Preprocessing.Id};preparation={ImagePreparer.Version}");

    private sealed record Encoded(int Index, FeatureKey Key, byte[] Bytes);

    private sealed record Prepared(int Index, FeatureKey Key, float[] Tensor);

    /// <summary>The network run.</summary>
    public IImageBatchModel Model { get; } = model;

    /// <summary>The cache consulted and filled, or null to compute everything.</summary>
    public FeatureCache? Cache { get; } = cache;

    /// <summary>Extracts features of <paramref name="paths"/>; cancelling stops promptly, keeping what was cached.</summary>
    public ExtractionResult Extract(IReadOnlyList<string> paths, IProgress<ExtractionProgress>? progress = null, CancellationToken cancellation = default) =>
        ExtractAsync(paths, progress, cancellation).GetAwaiter().GetResult();

    /// <inheritdoc cref="Extract"/>
    public async Task<ExtractionResult> ExtractAsync(IReadOnlyList<string> paths, IProgress<ExtractionProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var run = new Run(this, paths, progress);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var batch = Math.Max(1, _options.BatchSize);
        var encoded = Channel.CreateBounded<Encoded>(new BoundedChannelOptions(2 * batch) { SingleWriter = true });
        var prepared = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(2 * batch) { SingleReader = true });

        var stages = new List<Task> { Stage(() => run.ReadAndLookUp(encoded.Writer, linked.Token), encoded.Writer, linked) };
        var decoders = Enumerable.Range(0, _options.EffectiveDecodeThreads)
            .Select(_ => Stage(() => run.Decode(encoded.Reader, prepared.Writer, linked.Token), null, linked)).ToArray();
        stages.AddRange(decoders);
        stages.Add(Task.WhenAll(decoders).ContinueWith(_ => prepared.Writer.TryComplete(), TaskScheduler.Default));
        stages.Add(Stage(() => run.Infer(prepared.Reader, batch, linked.Token), null, linked));
        try
        {
            await Task.WhenAll(stages).ConfigureAwait(false);
        }
        catch when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
        catch
        {
            // Report the first real failure, not the cancellations it caused in the other stages.
            var failure = stages.Where(s => s.IsFaulted).SelectMany(s => s.Exception!.InnerExceptions).FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
        return run.ToResult();
    }

    // Runs a stage on its own thread; a failure cancels the others so that none blocks on a full queue.
    private static Task Stage(Action body, ChannelWriter<Encoded>? completes, CancellationTokenSource all) =>
        Task.Factory.StartNew(() =>
        {
            try
            {
                body();
                completes?.TryComplete();
            }
            catch (Exception e)
            {
                completes?.TryComplete(e);
                all.Cancel();
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The state of one extraction.</summary>
    private sealed class Run(FeatureExtractor owner, IReadOnlyList<string> paths, IProgress<ExtractionProgress>? progress)
    {
        private readonly float[]?[] _features = new float[]?[paths.Count];
        private readonly string?[] _hashes = new string?[paths.Count];
        private readonly ConcurrentDictionary<int, string> _skipped = new();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly PreprocessingSpec _spec = owner.Model.Preprocessing;
        private readonly ImagePreparation _prepare = owner._options.Preparation ?? ((bytes, path, _, spec, tensor) => ImagePreparer.Prepare(bytes, path, spec, tensor));
        // Closed while the model runs. The model's threads work in parallel sections that wait for their slowest thread, so a
        // decoder taking a core mid-batch stalls them all; decoding between batches costs only its own time. On 2 cores end to
        // end went from 0.79-0.85 of the raw backbone to 0.84-0.86; a session per core instead (each decoding its own batches)
        // was no faster and took 175 MB more (bench/results/pipeline-2026-12-02.txt).
        private readonly ManualResetEventSlim _modelIdle = new(true);
        private int _done;
        private int _hits;

        public void ReadAndLookUp(ChannelWriter<Encoded> output, CancellationToken cancellation)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                byte[] bytes;
                try
                {
                    bytes = ImageFile.Read(paths[i]);
                }
                catch (ImageDecodeException e)
                {
                    Skip(i, e.Reason);
                    continue;
                }
                var key = new FeatureKey(owner._namespace, FeatureKey.HashContent(bytes));
                _hashes[i] = key.ContentHash;
                // Hits never ask the model for its output size: a run answered wholly from the cache never loads the model.
                if (owner.Cache?.TryGet(key) is { } vector)
                {
                    _features[i] = vector;
                    Interlocked.Increment(ref _hits);
                    if (Interlocked.Increment(ref _done) % 64 == 0) Report();
                    continue;
                }
                if (!output.TryWrite(new Encoded(i, key, bytes)))
                    output.WriteAsync(new Encoded(i, key, bytes), cancellation).AsTask().GetAwaiter().GetResult();
            }
        }

        public void Decode(ChannelReader<Encoded> input, ChannelWriter<Prepared> output, CancellationToken cancellation)
        {
            while (input.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult())
            {
                while (input.TryRead(out var item))
                {
                    _modelIdle.Wait(cancellation);
                    var tensor = ArrayPool<float>.Shared.Rent(_spec.TensorLength);
                    try
                    {
                        _prepare(item.Bytes, paths[item.Index], item.Index, _spec, tensor.AsSpan(0, _spec.TensorLength));
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // One bad file must not end the run: anything the decoder throws is that file's reason.
                        ArrayPool<float>.Shared.Return(tensor);
                        Skip(item.Index, e is ImageDecodeException decode ? decode.Reason : $"cannot decode ({e.GetType().Name}: {e.Message})");
                        continue;
                    }
                    output.WriteAsync(new Prepared(item.Index, item.Key, tensor), cancellation).AsTask().GetAwaiter().GetResult();
                }
            }
        }

        public void Infer(ChannelReader<Prepared> input, int batchSize, CancellationToken cancellation)
        {
            var length = _spec.TensorLength;
            var size = 0;
            float[] inputs = [], outputs = [];
            var batch = new List<Prepared>(batchSize);
            while (FillBatch(input, batch, batchSize, cancellation))
            {
                if (size == 0)
                {
                    // Asked only now that a photo missed the cache: the model may load its weights to answer.
                    size = owner.Model.OutputSize;
                    (inputs, outputs) = (new float[batchSize * length], new float[batchSize * size]);
                }
                for (var b = 0; b < batch.Count; b++)
                {
                    batch[b].Tensor.AsSpan(0, length).CopyTo(inputs.AsSpan(b * length));
                    ArrayPool<float>.Shared.Return(batch[b].Tensor);
                }
                _modelIdle.Reset();
                try
                {
                    owner.Model.Run(inputs, batch.Count, outputs, cancellation);
                }
                finally
                {
                    _modelIdle.Set();
                }
                for (var b = 0; b < batch.Count; b++)
                {
                    var vector = outputs.AsSpan(b * size, size).ToArray();
                    owner.Cache?.Put(batch[b].Key, vector);
                    _features[batch[b].Index] = vector;
                }
                Interlocked.Add(ref _done, batch.Count);
                Report();
            }
        }

        // Waits for a full batch, or for whatever is left once the decoders are done.
        private static bool FillBatch(ChannelReader<Prepared> input, List<Prepared> batch, int batchSize, CancellationToken cancellation)
        {
            batch.Clear();
            while (batch.Count < batchSize)
            {
                if (input.TryRead(out var item))
                {
                    batch.Add(item);
                    continue;
                }
                if (!input.WaitToReadAsync(cancellation).AsTask().GetAwaiter().GetResult()) break;
            }
            return batch.Count > 0;
        }

        private void Skip(int index, string reason)
        {
            _skipped[index] = reason;
            Interlocked.Increment(ref _done);
            Report();
        }

        private void Report() =>
            progress?.Report(new ExtractionProgress(Volatile.Read(ref _done), paths.Count, Volatile.Read(ref _hits), _skipped.Count, _clock.Elapsed));

        public ExtractionResult ToResult()
        {
            Report();
            var skipped = _skipped.OrderBy(s => s.Key).Select(s => new SkippedFile(paths[s.Key], s.Value)).ToList();
            return new ExtractionResult(paths, _features, skipped, _hits, _clock.Elapsed, _hashes);
        }
    }
}
