using System.Security.Cryptography;
using System.Text;
using Mentor.Data;

namespace Mentor.Sharding;

/// <summary>
/// Splits a dataset into shards, the same way on every machine and every listing: images are ranked by the SHA-256 of
/// their path relative to the dataset (forward slashes), and dealt round-robin in that order, so shard sizes differ by
/// at most one and every shard gets a random-looking mix of the classes. The rank depends only on the relative paths,
/// never on the listing order, the mount point or the file system; adding images moves some others to other shards
/// (a plain hash modulo N would not, but would leave shards unbalanced by chance).
/// </summary>
public static class ShardPartition
{
    /// <summary>The images of <paramref name="dataset"/> that belong to <paramref name="shard"/>, in dataset order.</summary>
    public static IReadOnlyList<LabeledImage> Select(ImageFolderDataset dataset, ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var baseFolder = ImageListDataset.BaseFolder(dataset);
        var ranked = dataset.Images
            .Select((image, position) => (Position: position, Rank: Rank(RelativePath(baseFolder, image.Path))))
            .OrderBy(x => x.Rank, StringComparer.Ordinal)
            .ThenBy(x => x.Position)
            .ToList();
        return Enumerable.Range(0, ranked.Count)
            .Where(r => r % shard.Count == shard.Index)
            .Select(r => ranked[r].Position)
            .Order()
            .Select(p => dataset.Images[p])
            .ToList();
    }

    /// <summary><paramref name="path"/> relative to <paramref name="baseFolder"/>, with forward slashes on every system.</summary>
    public static string RelativePath(string baseFolder, string path) =>
        Path.GetRelativePath(baseFolder, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string Rank(string relativePath) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(relativePath)));
}
