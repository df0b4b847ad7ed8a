using Mentor.Batching;
using Mentor.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mentor.AspNetCore;

/// <summary>
/// A Mentor model file served to concurrent callers: thread-safe, with images from concurrent calls run through the
/// model together (a <see cref="DynamicBatcher"/>). When the file is replaced (write a temporary file, then rename it
/// over the old one) the new model is loaded and takes the next calls; the old one is disposed once its calls finish.
/// A replacement that cannot be loaded leaves the current model serving and is reported by the health check.
/// Registered as a singleton by <see cref="MentorServiceCollectionExtensions.AddMentorClassifier"/>; owns its models.
/// </summary>
public sealed class BatchedClassifier : IDisposable
{
    private readonly MentorClassifierOptions _options;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _reloadTimer;
    private readonly object _reloadGate = new();
    private volatile ModelGeneration _current;
    private volatile string? _reloadError;
    private int _reloads;
    private bool _disposed;

    /// <summary>Loads the model file now (a bad file throws <see cref="ModelFileException"/>) and, if asked, watches it.</summary>
    /// <param name="path">The model file written by Mentor.</param>
    /// <param name="options">Batching, session and reload settings.</param>
    /// <param name="logger">Where reloads and failed reloads are logged (none if null).</param>
    public BatchedClassifier(string path, MentorClassifierOptions? options = null, ILogger<BatchedClassifier>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        _options = options ?? new MentorClassifierOptions();
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _current = Load();
        _reloadTimer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        if (_options.ReloadOnChange) _watcher = Watch();
    }

    /// <summary>The model file's full path.</summary>
    public string Path { get; }

    /// <summary>The labels of the model now serving, in output order.</summary>
    public IReadOnlyList<string> Labels => _current.Classifier.Labels;

    /// <summary>The metadata of the model now serving (labels, backbone, training, metrics).</summary>
    public ModelMetadata Metadata => _current.Classifier.Metadata;

    /// <summary>How many times a replaced file has been loaded since start-up.</summary>
    public int Reloads => Volatile.Read(ref _reloads);

    /// <summary>When the model now serving was loaded.</summary>
    public DateTimeOffset Loaded => _current.Loaded;

    /// <summary>Why the last replacement could not be loaded (null once a load succeeds).</summary>
    public string? ReloadError => _reloadError;

    /// <summary>What the batch loop of the model now serving has done.</summary>
    public BatcherStatistics Statistics => _current.Predictor.Batcher.Statistics;

    /// <summary>The <paramref name="top"/> most probable labels for one encoded image (JPEG, PNG, BMP, GIF, WebP).</summary>
    /// <param name="image">The file's bytes.</param>
    /// <param name="top">How many labels, best first.</param>
    /// <param name="cancellation">Drops the image if it has not run yet.</param>
    /// <exception cref="Imaging.ImageDecodeException">The bytes are not a usable image.</exception>
    /// <exception cref="BatcherBusyException">Too many images are waiting (answer 503).</exception>
    public async Task<IReadOnlyList<LabelScore>> PredictAsync(byte[] image, int top = 5, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var generation = Acquire();
        try
        {
            var probabilities = await generation.Predictor.PredictAsync(image, "image", cancellation).ConfigureAwait(false);
            return LabelScore.Top(probabilities, generation.Classifier.Labels, top);
        }
        finally
        {
            generation.Release();
        }
    }

    /// <summary>As <see cref="PredictAsync(byte[], int, CancellationToken)"/>, reading the image from a stream (a request body).</summary>
    public async Task<IReadOnlyList<LabelScore>> PredictAsync(Stream image, int top = 5, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        return await PredictAsync(buffer.ToArray(), top, cancellation).ConfigureAwait(false);
    }

    private ModelGeneration Acquire()
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var generation = _current;
            if (generation.TryAcquire()) return generation;
        }
    }

    private ModelGeneration Load() => new(ImageClassifier.Load(Path, _options.Session), _options.Batching);

    private FileSystemWatcher Watch()
    {
        var watcher = new FileSystemWatcher(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => ScheduleReload();
        watcher.Created += (_, _) => ScheduleReload();
        watcher.Renamed += (_, e) => { if (string.Equals(e.FullPath, Path, StringComparison.Ordinal)) ScheduleReload(); };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Every event restarts the delay: a file being written reloads once, after its last write.</summary>
    private void ScheduleReload()
    {
        lock (_reloadGate)
        {
            if (!_disposed) _reloadTimer.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Reload()
    {
        lock (_reloadGate)
        {
            if (_disposed) return;
            ModelGeneration next;
            try
            {
                next = Load();
            }
            catch (Exception e) when (e is MentorException or IOException or UnauthorizedAccessException)
            {
                _reloadError = e.Message;
                _logger.LogWarning("{Path} changed but cannot be loaded, still serving the model loaded at {Loaded:u}: {Error}", Path, _current.Loaded, e.Message);
                return;
            }
            var previous = _current;
            _current = next;
            _reloadError = null;
            Interlocked.Increment(ref _reloads);
            previous.Retire();
            _logger.LogInformation("{Path} reloaded: {Labels} labels", Path, next.Classifier.Labels.Count);
        }
    }

    /// <summary>Stops watching, then disposes the model once its calls have finished.</summary>
    public void Dispose()
    {
        lock (_reloadGate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _watcher?.Dispose();
        _reloadTimer.Dispose();
        _current.Retire();
    }
}
