namespace Mentor.Features;

/// <summary>A snapshot of an extraction: files finished (features, cache hits or skipped) out of the total.</summary>
public sealed record ExtractionProgress(int Done, int Total, int CacheHits, int Skipped, TimeSpan Elapsed);
