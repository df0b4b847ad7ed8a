using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Mentor.Sharding;

/// <summary>One row of a feature shard: the image's path relative to the dataset, its label, the SHA-256 of its bytes, its features.</summary>
public sealed class ShardRow
{
    [JsonPropertyName("path"), ParquetRequired] public string Path { get; set; } = "";
    [JsonPropertyName("label"), ParquetRequired] public string Label { get; set; } = "";
    [JsonPropertyName("sha256"), ParquetRequired] public string Sha256 { get; set; } = "";
    [JsonPropertyName("features"), ParquetListElementRequired] public float[] Features { get; set; } = [];
}
