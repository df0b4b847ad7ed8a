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
    private const int MaxEntryBytes = 64 << 20; // far above any feature vector; a larger file is not an entry

    /// <summary>A cache rooted at <paramref name="directory"/>; folders are created on the first write, not here.</summary>
    /// <param name="directory">The cache's root folder (made absolute); several caches and processes may share it.</param>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null, empty or white space.</exception>
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
        if (TryGet(key) is not { } vector || vector.Length != features.Length) return false;
        vector.CopyTo(features);
        return true;
    }

    /// <summary>
    /// The entry for <paramref name="key"/>, of whatever length it was stored with; null when absent or damaged. A namespace
    /// holds one model's vectors, so a reader need not know their length (nor load the model to learn it).
    /// </summary>
    public float[]? TryGet(FeatureKey key)
    {
        byte[] bytes;
        try
        {
            // Shared for writing and deleting: another process may replace or prune the entry meanwhile (it reads whole or not at all).
            using var stream = new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            if (stream.Length is < HeaderBytes + TrailerBytes or > MaxEntryBytes) return null;
            bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var length = VectorLength(bytes);
        return length < 0 ? null : MemoryMarshal.Cast<byte, float>(bytes.AsSpan(HeaderBytes, length * sizeof(float))).ToArray();
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
