namespace Mentor.Features;

/// <summary>A snapshot of an extraction: files finished (features, cache hits or skipped) out of the total.</summary>
/// <param name="Done">Files finished so far, whatever their outcome.</param>
/// <param name="Total">Files in the extraction.</param>
/// <param name="CacheHits">Of those done, files whose features came from the cache.</param>
/// <param name="Skipped">Of those done, files that gave no features (unreadable or not an image).</param>
/// <param name="Elapsed">Wall-clock time since the extraction started.</param>
public sealed record ExtractionProgress(int Done, int Total, int CacheHits, int Skipped, TimeSpan Elapsed);
