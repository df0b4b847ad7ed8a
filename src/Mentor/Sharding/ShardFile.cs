using Mentor.Features;
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
    /// <exception cref="ShardException">The file is not a readable Mentor shard.</exception>
    public static async Task<ShardMetadata> ReadMetadataAsync(string path, CancellationToken cancellation = default)
    {
        var values = await ParquetFileReader.ReadAsync(path, async stream =>
        {
            await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true, cancellationToken: cancellation).ConfigureAwait(false);
            return reader.CustomMetadata;
        }, reason => Damaged(path, reason)).ConfigureAwait(false);
        return ShardMetadata.FromDictionary(path, values);
    }

    /// <summary>The rows of the shard at <paramref name="path"/>.</summary>
    /// <exception cref="ShardException">The file is not a readable Parquet file of shard rows.</exception>
    public static Task<IList<ShardRow>> ReadRowsAsync(string path, CancellationToken cancellation = default) =>
        ParquetFileReader.ReadAsync(path,
            async stream => (await ParquetSerializer.DeserializeAsync<ShardRow>(stream, cancellationToken: cancellation).ConfigureAwait(false)).Data,
            reason => Damaged(path, reason));

    private static ShardException Damaged(string path, string reason) =>
        new($"{path}: not a readable feature shard ({reason}); extract it again.");
}
