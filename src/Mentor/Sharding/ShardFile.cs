using Parquet;
using Parquet.Serialization;

namespace Mentor.Sharding;

/// <summary>
/// One feature shard on disk: a Parquet file of <see cref="ShardRow"/>s with <see cref="ShardMetadata"/> in its key-value
/// metadata, written atomically (a temporary file, then a rename), so a killed writer leaves no partial shard.
/// The same rows and metadata always give the same bytes.
/// </summary>
public static class ShardFile
{
    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> atomically.</summary>
    public static Task WriteAsync(string path, IReadOnlyList<ShardRow> rows, ShardMetadata metadata, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(metadata);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        return AtomicFile.WriteAsync(path, stream => ParquetSerializer.SerializeAsync(rows, stream, null, metadata.ToDictionary(), cancellation));
    }

    /// <summary>The metadata of the shard at <paramref name="path"/>, or null when there is no readable Mentor shard there.</summary>
    public static async Task<ShardMetadata?> TryReadMetadataAsync(string path, CancellationToken cancellation = default)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return await ReadMetadataAsync(path, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ShardException or ParquetException or IOException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The metadata of the shard at <paramref name="path"/>.</summary>
    public static async Task<ShardMetadata> ReadMetadataAsync(string path, CancellationToken cancellation = default)
    {
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: cancellation).ConfigureAwait(false);
        return ShardMetadata.FromDictionary(path, reader.CustomMetadata);
    }

    /// <summary>The rows of the shard at <paramref name="path"/>.</summary>
    public static async Task<IList<ShardRow>> ReadRowsAsync(string path, CancellationToken cancellation = default)
    {
        await using var stream = File.OpenRead(path);
        return (await ParquetSerializer.DeserializeAsync<ShardRow>(stream, cancellationToken: cancellation).ConfigureAwait(false)).Data;
    }
}
