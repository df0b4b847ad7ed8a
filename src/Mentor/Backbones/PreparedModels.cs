using System.Security.Cryptography;

namespace Mentor.Backbones;

/// <summary>
/// Batch-ready copies of backbone models, made once and kept in the cache folder
/// (<c>&lt;cache&gt;/backbones/&lt;sha256&gt;.onnx</c>) so that later loads skip the protobuf rewrite and its memory peak.
/// </summary>
internal static class PreparedModels
{
    /// <summary>The SHA-256 of a file, read in a stream.</summary>
    public static string HashFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>The path of the prepared copy of <paramref name="modelPath"/> (whose hash is <paramref name="sha256"/>), making it if needed.</summary>
    /// <returns>The path, or null when the cache folder cannot be written (the caller then prepares in memory).</returns>
    public static string? GetOrCreate(string modelPath, string sha256, string cacheDirectory)
    {
        var prepared = Path.Combine(cacheDirectory, "backbones", $"{sha256}.batch.onnx");
        if (File.Exists(prepared)) return prepared;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(prepared)!);
            AtomicFile.WriteAllBytes(prepared, Prepare(modelPath));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DiskFullException)
        {
            return null;
        }
        // The rewrite allocates several copies of the weights: give the memory back before the session is built.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return prepared;
    }

    /// <summary>The batch-ready model bytes.</summary>
    public static byte[] Prepare(string modelPath) => SymbolicBatch.Apply(File.ReadAllBytes(modelPath), modelPath);

    /// <summary>Removes a prepared copy that failed to load, so the next load remakes it.</summary>
    public static void Discard(string preparedPath)
    {
        try { File.Delete(preparedPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
