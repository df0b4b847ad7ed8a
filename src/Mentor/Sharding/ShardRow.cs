using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Mentor.Sharding;

/// <summary>One row of a feature shard: the image's path relative to the dataset, its label, the SHA-256 of its bytes, its features.</summary>
public sealed class ShardRow
{
    /// <summary>The image's path relative to the dataset folder, with forward slashes (column <c>path</c>).</summary>
    [JsonPropertyName("path"), ParquetRequired] public string Path { get; set; } = "";

    /// <summary>The image's class name (column <c>label</c>).</summary>
    [JsonPropertyName("label"), ParquetRequired] public string Label { get; set; } = "";

    /// <summary>The SHA-256 (lower-case hex) of the image file's bytes as read (column <c>sha256</c>).</summary>
    [JsonPropertyName("sha256"), ParquetRequired] public string Sha256 { get; set; } = "";

    /// <summary>The backbone's feature vector (column <c>features</c>, a list of float32).</summary>
    [JsonPropertyName("features"), ParquetListElementRequired] public float[] Features { get; set; } = [];
}
