using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Mentor.Backbones;

/// <summary>SHA-256 of files, remembered per path, length and write time, so a 60 MB backbone is hashed once per process.</summary>
internal static class FileHashes
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Written), string> Known = new();

    /// <summary>The lower-case hex SHA-256 of the file at <paramref name="path"/>.</summary>
    /// <exception cref="MentorException">The file does not exist.</exception>
    public static string Of(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new MentorException($"{path}: backbone model file not found; check the path (or rebuild Mentor for the built-in backbones).");
        return Known.GetOrAdd((info.FullName, info.Length, info.LastWriteTimeUtc), key => Hash(key.Path));
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
