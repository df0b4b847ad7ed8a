using System.Security.Cryptography;
using System.Text;

namespace Mentor.Backbones;

/// <summary>
/// Prepared copies of backbone graphs (<see cref="PreparedGraph"/>), made once and kept in the cache folder under a key
/// of their content (<c>&lt;cache&gt;/backbones/&lt;key&gt;.prepared.onnx</c>), so that later loads skip the protobuf rewrite and its memory peak.
/// </summary>
public static class PreparedModels
{
    /// <summary>The SHA-256 of a file (remembered per file version).</summary>
    public static string HashFile(string path) => FileHashes.Of(path);

    /// <summary>The prepared model of <paramref name="spec"/>, making it if needed.</summary>
    /// <param name="spec">The backbone.</param>
    /// <param name="cacheDirectory">Where prepared copies are kept; null: <see cref="MentorPaths.DefaultCacheDirectory"/>.
    /// When it cannot be written, the copy goes to the temporary folder.</param>
    public static BackboneModel GetOrCreate(BackboneSpec spec, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var path = PathFor(spec, cacheDirectory ?? MentorPaths.DefaultCacheDirectory);
        if (!File.Exists(path)) Make(spec, ref path);
        return new BackboneModel(spec, path, spec.Identity);
    }

    /// <summary>Removes a prepared copy that failed to load, so the next load remakes it.</summary>
    public static void Discard(string preparedPath)
    {
        try { File.Delete(preparedPath); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string PathFor(BackboneSpec spec, string cacheDirectory)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{PreparedGraph.Version}\n{spec.ContentHash}")))[..32];
        return Path.Combine(cacheDirectory, "backbones", $"{key}.prepared.onnx");
    }

    private static void Make(BackboneSpec spec, ref string path)
    {
        var bytes = PreparedGraph.Prepare(spec);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DiskFullException)
        {
            path = Path.Combine(Path.GetTempPath(), "mentor-" + Path.GetFileName(path));
            AtomicFile.WriteAllBytes(path, bytes);
        }
        // The rewrite allocates several copies of the weights: give the memory back before a session is built.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
