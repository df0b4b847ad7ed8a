using Mentor.Features;

namespace Mentor.Sharding;

/// <summary>What one shard's extraction did: the file, its rows, and whether it was written or found already done.</summary>
public sealed record ShardOutcome(string Path, ShardSpec Shard, int Images, int Rows, bool Skipped, IReadOnlyList<SkippedFile> Unusable, ExtractionResult? Extraction);
