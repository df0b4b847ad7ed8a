namespace Mentor.Sharding;

/// <summary>
/// The merged rows of a complete set of feature shards, ordered as the dataset lists them (label, then path), so that
/// training on them sees the rows a single-machine run would: features float32, held once.
/// </summary>
/// <param name="files">The shard files read, in index order.</param>
/// <param name="metadata">The first shard's metadata (all agree on backbone, preprocessing and labels).</param>
/// <param name="paths">Image paths relative to the dataset, one per row.</param>
/// <param name="targets">The label index of each row.</param>
/// <param name="features">One feature vector per row.</param>
public sealed class ShardSet(IReadOnlyList<string> files, ShardMetadata metadata, IReadOnlyList<string> paths, int[] targets, float[][] features)
{
    /// <summary>The shard files read, in index order.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>The first shard's metadata; every other shard's has the same backbone, preprocessing and labels.</summary>
    public ShardMetadata Metadata { get; } = metadata;

    /// <summary>Class names; <see cref="Targets"/> index this list.</summary>
    public IReadOnlyList<string> Labels => Metadata.Labels;

    /// <summary>Image paths relative to the dataset, as the shards recorded them.</summary>
    public IReadOnlyList<string> Paths { get; } = paths;

    /// <summary>The label index of each row, parallel to <see cref="Paths"/>.</summary>
    public int[] Targets { get; } = targets;

    /// <summary>One feature vector per row, parallel to <see cref="Paths"/>.</summary>
    public float[][] Features { get; } = features;

    /// <summary>The number of rows across all shards.</summary>
    public int Count => Paths.Count;
}
