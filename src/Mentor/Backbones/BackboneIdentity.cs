using System.Security.Cryptography;

namespace Mentor.Backbones;

/// <summary>
/// The identity strings of backbones and the models derived from them, made in this one place. They name the weights
/// (and everything else that shapes a feature) and go into cache keys and model metadata.
/// </summary>
public static class BackboneIdentity
{
    /// <summary><c>name:sha256:&lt;content hash of the spec&gt;</c>.</summary>
    public static string Of(BackboneSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"{spec.Name}:sha256:{spec.ContentHash}";
    }

    /// <summary><c>name:int8:sha256:&lt;hash of the quantised file&gt;</c>.</summary>
    public static string Int8(BackboneSpec spec, string quantizedPath) => $"{spec.Name}:int8:sha256:{FileHashes.Of(quantizedPath)}";

    /// <summary>Whether <paramref name="identity"/> names an int8 backbone.</summary>
    public static bool IsInt8(string identity) => identity.Contains(":int8:", StringComparison.Ordinal);

    /// <summary><c>name:fine-tuned:sha256:&lt;hash of the fine-tuned graph&gt;</c>.</summary>
    public static string FineTuned(BackboneSpec spec, ReadOnlySpan<byte> model) =>
        $"{spec.Name}:fine-tuned:sha256:{Convert.ToHexStringLower(SHA256.HashData(model))}";

    /// <summary>The first part of a backbone, up to the value <paramref name="value"/>.</summary>
    public static string Until(string identity, string value) => $"{identity}:until:{value}";

    /// <summary>A Mentor model file run whole, by the hash of its graph.</summary>
    public static string ModelFile(string graphSha256) => $"model:sha256:{graphSha256}";
}
