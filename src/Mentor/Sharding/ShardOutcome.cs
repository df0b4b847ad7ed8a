using Mentor.Features;

namespace Mentor.Sharding;

/// <summary>What one shard's extraction did: the file, its rows, and whether it was written or found already done.</summary>
/// <param name="Path">The shard file.</param>
/// <param name="Shard">Which shard of how many.</param>
/// <param name="Images">Images assigned to this shard.</param>
/// <param name="Rows">Rows in the file: images that gave features.</param>
/// <param name="Skipped">True when the file already held this work and nothing was extracted.</param>
/// <param name="Unusable">Images that gave no features, and why; empty when <paramref name="Skipped"/>.</param>
/// <param name="Extraction">The extraction run, or null when <paramref name="Skipped"/>.</param>
public sealed record ShardOutcome(string Path, ShardSpec Shard, int Images, int Rows, bool Skipped, IReadOnlyList<SkippedFile> Unusable, ExtractionResult? Extraction);
