using System.Text.Json.Serialization;
using Parquet.Serialization;
using Parquet.Serialization.Attributes;

namespace Mentor.Features;

/// <summary>
/// Writes dataset features to Parquet for pandas and Spark: columns <c>path</c>, <c>label</c> and
/// <c>features</c> (a list of float32), plus file metadata naming the backbone and preprocessing.
/// </summary>
public static class ParquetFeatureWriter
{
    /// <summary>One row of the file.</summary>
    public sealed class Row
    {
        /// <summary>The image file, as listed in the dataset (column <c>path</c>).</summary>
        [JsonPropertyName("path"), ParquetRequired] public string Path { get; set; } = "";

        /// <summary>The image's class name (column <c>label</c>).</summary>
        [JsonPropertyName("label"), ParquetRequired] public string Label { get; set; } = "";

        /// <summary>The backbone's feature vector (column <c>features</c>, a list of float32).</summary>
        [JsonPropertyName("features"), ParquetListElementRequired] public float[] Features { get; set; } = [];
    }

    /// <summary>Writes <paramref name="features"/> to <paramref name="path"/> atomically.</summary>
    public static Task WriteAsync(string path, DatasetFeatures features, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = Enumerable.Range(0, features.Count).Select(i => new Row
        {
            Path = features.Paths[i],
            Label = features.Labels[features.Targets[i]],
            Features = features.Features[i],
        }).ToList();
        return AtomicFile.WriteAsync(path, stream => ParquetSerializer.SerializeAsync(rows, stream, null, metadata, cancellation));
    }

    /// <summary>Reads a file written by <see cref="WriteAsync"/>.</summary>
    /// <exception cref="MentorException">The file is not a readable Parquet file of feature rows.</exception>
    public static Task<IList<Row>> ReadAsync(string path, CancellationToken cancellation = default) =>
        ParquetFileReader.ReadAsync(path,
            async stream => (await ParquetSerializer.DeserializeAsync<Row>(stream, cancellationToken: cancellation).ConfigureAwait(false)).Data,
            reason => new MentorException($"{path}: not a readable feature file ({reason}); extract it again."));
}
