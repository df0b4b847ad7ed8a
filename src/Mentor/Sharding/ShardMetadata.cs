using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Mentor.Sharding;

/// <summary>
/// What a feature shard records in its Parquet key-value metadata: the backbone (name, identity = name and weights hash,
/// preprocessing), the dataset's full label list, the Mentor version, which shard of how many, and a fingerprint of
/// the shard's inputs (relative paths and labels), so that a retry can tell whether an existing file is its own.
/// </summary>
/// <param name="BackboneName">The backbone as the user named it.</param>
/// <param name="BackboneIdentity">The backbone's identity: its name and weights hash (<see cref="IImageBatchModel.Identity"/>).</param>
/// <param name="Preprocessing">The preprocessing's <see cref="Backbones.PreprocessingSpec.Id"/>.</param>
/// <param name="Labels">The whole dataset's class names, not only those in this shard.</param>
/// <param name="MentorVersion">The version of Mentor that wrote the shard.</param>
/// <param name="Shard">Which shard of how many.</param>
/// <param name="Inputs">The <see cref="Fingerprint"/> of the shard's inputs.</param>
public sealed record ShardMetadata(
    string BackboneName,
    string BackboneIdentity,
    string Preprocessing,
    IReadOnlyList<string> Labels,
    string MentorVersion,
    ShardSpec Shard,
    string Inputs)
{
    private const string Prefix = "mentor.";

    /// <summary>Same features: the same backbone weights, preprocessing and label list.</summary>
    public bool SameSourceAs(ShardMetadata other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return BackboneIdentity == other.BackboneIdentity && Preprocessing == other.Preprocessing && Labels.SequenceEqual(other.Labels, StringComparer.Ordinal);
    }

    /// <summary>The same shard of the same inputs through the same backbone: an existing file with this metadata needs no re-extraction.</summary>
    public bool SameWorkAs(ShardMetadata other) => SameSourceAs(other) && Shard == other.Shard && Inputs == other.Inputs;

    /// <summary>The fingerprint of a shard's inputs: SHA-256 over its "relative path TAB label" lines.</summary>
    public static string Fingerprint(IEnumerable<(string Path, string Label)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, label) in inputs) hash.AppendData(Encoding.UTF8.GetBytes($"{path}\t{label}\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The key-value pairs written into the file (keys prefixed <c>mentor.</c>; <c>mentor.backbone</c> is the identity, as in unsharded extracts).</summary>
    public Dictionary<string, string> ToDictionary() => new()
    {
        [Prefix + "backbone"] = BackboneIdentity,
        [Prefix + "backbone.name"] = BackboneName,
        [Prefix + "preprocessing"] = Preprocessing,
        [Prefix + "labels"] = JsonSerializer.Serialize(Labels),
        [Prefix + "version"] = MentorVersion,
        [Prefix + "shard"] = Shard.ToString(),
        [Prefix + "inputs"] = Inputs,
    };

    /// <summary>Reads the pairs written by <see cref="ToDictionary"/>; <paramref name="file"/> names the file in the error.</summary>
    public static ShardMetadata FromDictionary(string file, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        string Get(string key) => values.TryGetValue(Prefix + key, out var value)
            ? value
            : throw new ShardException($"{file}: not a Mentor feature shard (no '{Prefix}{key}' in its metadata); extract it again with Mentor's sharded extract.");
        if (!ShardSpec.TryParse(Get("shard"), out var shard))
            throw new ShardException($"{file}: its '{Prefix}shard' is '{Get("shard")}', not K/N; extract it again.");
        var labels = JsonSerializer.Deserialize<string[]>(Get("labels")) ?? [];
        return new ShardMetadata(Get("backbone.name"), Get("backbone"), Get("preprocessing"), labels, Get("version"), shard, Get("inputs"));
    }
}
