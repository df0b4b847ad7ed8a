namespace Mentor.Features;

/// <summary>Features of a list of files, in the order given; a skipped file's entry is null.</summary>
/// <param name="paths">The files asked for, in order.</param>
/// <param name="features">One vector per path, null where the file was skipped; kept, not copied.</param>
/// <param name="skipped">The files that gave no features, with reasons, in path order.</param>
/// <param name="cacheHits">Vectors read from the cache.</param>
/// <param name="elapsed">Wall-clock time of the extraction.</param>
/// <param name="contentHashes">Each file's SHA-256 (hex) as read, null where unreadable; null: not recorded.</param>
public sealed class ExtractionResult(IReadOnlyList<string> paths, float[]?[] features, IReadOnlyList<SkippedFile> skipped, int cacheHits, TimeSpan elapsed,
    IReadOnlyList<string?>? contentHashes = null)
{
    /// <summary>The files asked for, in the order given; every other list here is parallel to it.</summary>
    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>One vector per path, or null where the file was skipped.</summary>
    public IReadOnlyList<float[]?> Features { get; } = features;

    /// <summary>Files that gave no features, with reasons, in path order.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; } = skipped;

    /// <summary>Vectors read from the cache rather than computed.</summary>
    public int CacheHits { get; } = cacheHits;

    /// <summary>Vectors computed by the backbone.</summary>
    public int Computed => Paths.Count - Skipped.Count - CacheHits;

    /// <summary>Wall-clock time of the whole extraction (reading, decoding, cache lookups and the backbone).</summary>
    public TimeSpan Elapsed { get; } = elapsed;

    /// <summary>The SHA-256 (hex) of each file's bytes as read, null where it could not be read; empty when not recorded.</summary>
    public IReadOnlyList<string?> ContentHashes { get; } = contentHashes ?? [];

    /// <summary>Files with features per second of wall-clock time.</summary>
    public double ImagesPerSecond => Elapsed.TotalSeconds > 0 ? (Paths.Count - Skipped.Count) / Elapsed.TotalSeconds : 0;
}
