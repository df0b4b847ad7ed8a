using System.Threading.Channels;
using Mentor.Backbones;
using Mentor.Features;

namespace Mentor.Studio.Training;

/// <summary>
/// Computes photos' backbone features as they arrive, into the content-keyed feature cache, so that training finds
/// them there and takes seconds. It runs only when the compute gate is free (training has it while it runs), in
/// batches, and loads the backbone on first use. Owns its backbone session (disposed with it).
/// </summary>
public sealed partial class BackgroundFeaturizer(StudioOptions options, ComputeGate gate, ILogger<BackgroundFeaturizer> logger) : IDisposable
{
    private const int BatchPhotos = 32;

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private Backbone? _backbone;
    private FeatureExtractor? _extractor;
    private int _queued;
    private int _done;

    /// <summary>Photos queued since start, and how many of them have their features (or were found unusable).</summary>
    public (int Queued, int Done) Counts => (Volatile.Read(ref _queued), Volatile.Read(ref _done));

    public void Enqueue(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
            if (_queue.Writer.TryWrite(path)) Interlocked.Increment(ref _queued);
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
                while (batch.Count < BatchPhotos && _queue.Reader.TryRead(out var path)) batch.Add(path);
                using (await gate.EnterAsync(stopping).ConfigureAwait(false))
                    await ExtractAsync(batch, stopping).ConfigureAwait(false);
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
            await _extractor.ExtractAsync(paths.Where(File.Exists).ToList(), cancellation: stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MentorException or IOException)
        {
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

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "background features failed for {Count} photos")]
    private static partial void LogFailed(ILogger logger, Exception error, int count);

    public void Dispose() => _backbone?.Dispose();
}
