using System.Threading.Channels;
using Mentor.Backbones;
using Mentor.Features;

namespace Mentor.Studio.Training;

/// <summary>
/// Computes photos' backbone features as they arrive, into the content-keyed feature cache, so that training finds
/// them there and takes seconds. It runs only when the compute gate is free (training has it while it runs), in
/// chunks, and loads the backbone on first use. Training first waits for the queue to empty (<see cref="DrainAsync"/>),
/// so the photos a run needs are featurised here, through the one backbone session the studio keeps, and the trainer
/// finds them all cached. Owns its backbone session (disposed with it).
/// </summary>
public sealed partial class BackgroundFeaturizer(StudioOptions options, ComputeGate gate, ILogger<BackgroundFeaturizer> logger) : IDisposable
{
    // Photos per extraction call while nobody waits: large enough that starting and draining the decode pipeline costs
    // little, small enough that an int8 export gets the gate within a couple of seconds. While a training run waits for
    // the queue to empty, one call takes everything queued (the pipeline then runs as it does in the trainer).
    private const int BatchPhotos = 128;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private Backbone? _backbone;
    private FeatureExtractor? _extractor;
    private int _queued;
    private int _done;
    private int _inFlight; // done so far in the running extraction call
    private int _draining;

    /// <summary>Photos queued since start, and how many of them have their features (or were found unusable).</summary>
    public (int Queued, int Done) Counts => (Volatile.Read(ref _queued), Volatile.Read(ref _done) + Volatile.Read(ref _inFlight));

    public void Enqueue(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
            if (_queue.Writer.TryWrite(path)) Interlocked.Increment(ref _queued);
    }

    /// <summary>
    /// Completes when every photo queued so far has its features (or was found unusable), reporting how many of them
    /// are done as it goes (done, queued). Photos queued meanwhile are waited for too.
    /// </summary>
    public async Task DrainAsync(Action<int, int> progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(progress);
        Interlocked.Increment(ref _draining);
        try
        {
            while (Counts is var (queued, done) && done < queued)
            {
                progress(done, queued);
                await Task.Delay(Poll, cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _draining);
        }
    }

    /// <summary>Works through the queue until <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var batch = new List<string>(BatchPhotos);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                batch.Clear();
                using (await gate.EnterAsync(stopping).ConfigureAwait(false))
                {
                    var most = Volatile.Read(ref _draining) > 0 ? int.MaxValue : BatchPhotos;
                    while (batch.Count < most && _queue.Reader.TryRead(out var path)) batch.Add(path);
                    await ExtractAsync(batch, stopping).ConfigureAwait(false);
                }
                // In this order, so that Counts never shows more done than there are.
                Volatile.Write(ref _inFlight, 0);
                Interlocked.Add(ref _done, batch.Count);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ExtractAsync(List<string> paths, CancellationToken stopping)
    {
        try
        {
            _extractor ??= NewExtractor();
            // Files moved or removed since they were queued are skipped by the extractor, with their reason.
            await _extractor.ExtractAsync(paths.Where(File.Exists).ToList(), new InFlight(this), stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Counted as done all the same: the trainer computes whatever is not in the cache, and reports its reason.
            LogFailed(logger, e, paths.Count);
        }
    }

    // The same backbone, options and cache as the trainer's defaults, so that the trainer's cache keys match.
    private FeatureExtractor NewExtractor()
    {
        _backbone = Backbone.Load(BackboneRegistry.DefaultName, BackboneOptions.Default with { CacheDirectory = options.CacheDirectory });
        var cache = new FeatureCache(options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory);
        return new FeatureExtractor(_backbone, cache);
    }

    // Reported synchronously by the extraction's threads, so none arrives after the call has returned.
    private sealed class InFlight(BackgroundFeaturizer owner) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => Volatile.Write(ref owner._inFlight, value.Done);
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "background features failed for {Count} photos")]
    private static partial void LogFailed(ILogger logger, Exception error, int count);

    public void Dispose() => _backbone?.Dispose();
}
