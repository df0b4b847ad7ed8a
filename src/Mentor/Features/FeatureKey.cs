using System.Security.Cryptography;
using System.Text;

namespace Mentor.Features;

/// <summary>
/// What a cached feature vector depends on: the backbone's weights and preprocessing (the namespace)
/// and the image's bytes (the content hash). A file's name and place play no part.
/// </summary>
/// <param name="Namespace">The backbone and preprocessing, as <see cref="NamespaceFor"/> makes it (16 hex digits).</param>
/// <param name="ContentHash">The image bytes' SHA-256, as <see cref="HashContent"/> makes it (64 lower-case hex digits).</param>
public readonly record struct FeatureKey(string Namespace, string ContentHash)
{
    /// <summary>A namespace for one backbone identity and preprocessing id (16 hex digits of their SHA-256).</summary>
    public static string NamespaceFor(string backboneIdentity, string preprocessingId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(backboneIdentity + "\n" + preprocessingId)))[..16];

    /// <summary>The SHA-256 of an image's bytes, as hex.</summary>
    public static string HashContent(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
