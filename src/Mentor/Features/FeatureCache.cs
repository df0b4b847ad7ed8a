using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Mentor.Features;

/// <summary>
/// A content-keyed store of feature vectors on disk, one small file per entry:
/// <c>&lt;dir&gt;/features/&lt;namespace&gt;/&lt;2 hex&gt;/&lt;content hash&gt;.f32</c>.
/// Each file carries a magic, a format version, the vector length and a checksum; writes go to a unique temporary
/// file renamed into place, so readers (in this or another process) see a whole entry or none. A damaged entry reads
/// as a miss and is replaced by the next write. Thread-safe.
/// </summary>
public sealed class FeatureCache
{
    private const uint Magic = 0x46544E4D; // "MNTF"
    private const int FormatVersion = 1;
    private const int HeaderBytes = 16; // magic, version, length, reserved
    private const int TrailerBytes = 8; // XxHash64 of header + payload

    public FeatureCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The cache's root folder.</summary>
    public string Directory { get; }

    /// <summary>The cache in <see cref="MentorPaths.DefaultCacheDirectory"/>.</summary>
    public static FeatureCache Default => new(MentorPaths.DefaultCacheDirectory);

    /// <summary>Where the entry for <paramref name="key"/> lives (whether or not it exists).</summary>
    public string PathFor(FeatureKey key) =>
        Path.Combine(Directory, "features", key.Namespace, key.ContentHash[..2], key.ContentHash + ".f32");

    /// <summary>Reads the entry for <paramref name="key"/> into <paramref name="features"/>; false when absent or damaged.</summary>
    public bool TryGet(FeatureKey key, Span<float> features)
    {
        var expected = HeaderBytes + features.Length * sizeof(float) + TrailerBytes;
        byte[] bytes;
        try
        {
            using var stream = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            if (stream.Length != expected) return false;
            bytes = new byte[expected];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
        var span = bytes.AsSpan();
        if (VectorLength(span) != features.Length) return false;
        MemoryMarshal.Cast<byte, float>(span[HeaderBytes..^TrailerBytes]).CopyTo(features);
        return true;
    }

    /// <summary>The vector length of a whole, undamaged entry file's bytes; -1 when they are not one.</summary>
    internal static int VectorLength(ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderBytes + TrailerBytes
            || BinaryPrimitives.ReadUInt32LittleEndian(entry) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(entry[4..]) != FormatVersion)
            return -1;
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
        if (length < 0 || (long)HeaderBytes + length * 4L + TrailerBytes != entry.Length) return -1;
        return BinaryPrimitives.ReadUInt64LittleEndian(entry[^TrailerBytes..]) == XxHash64.HashToUInt64(entry[..^TrailerBytes]) ? length : -1;
    }

    /// <summary>Stores <paramref name="features"/> under <paramref name="key"/>, atomically replacing any previous entry.</summary>
    public void Put(FeatureKey key, ReadOnlySpan<float> features)
    {
        var bytes = new byte[HeaderBytes + features.Length * sizeof(float) + TrailerBytes];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], features.Length);
        MemoryMarshal.AsBytes(features).CopyTo(span[HeaderBytes..]);
        BinaryPrimitives.WriteUInt64LittleEndian(span[^TrailerBytes..], XxHash64.HashToUInt64(span[..^TrailerBytes]));

        var path = PathFor(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllBytes(path, bytes, removeLeftovers: false);
    }
}
