using System.Diagnostics;
using System.Globalization;

namespace Mentor;

/// <summary>
/// Writes files so that a reader never sees a partial one: a unique temporary file beside the target, then a rename.
/// The target's folder is created when missing. A full disk surfaces as <see cref="DiskFullException"/>, with the
/// temporary file removed. A process killed mid-write (SIGKILL, power loss) leaves its temporary file: the next write of
/// the same target deletes it, once its writer no longer runs.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes) => WriteAllBytes(path, bytes, removeLeftovers: true);

    /// <summary>
    /// As <see cref="WriteAllBytes(string, ReadOnlySpan{byte})"/>; without <paramref name="removeLeftovers"/> the folder is
    /// not listed for leftovers (the feature cache: a shard folder holds thousands of entries; <c>cache verify --repair</c>
    /// deletes its leftovers).
    /// </summary>
    internal static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, bool removeLeftovers)
    {
        var temp = TempPathFor(path);
        if (removeLeftovers) RemoveLeftovers(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                stream.Write(bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (DiskFullException.IsDiskFull(e)) throw new DiskFullException(path, bytes.Length, e);
            throw;
        }
    }

    /// <summary>Lets <paramref name="write"/> fill a temporary file, flushes it to disk, then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPathFor(path);
        RemoveLeftovers(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (DiskFullException.IsDiskFull(e)) throw new DiskFullException(path, null, e);
            throw;
        }
    }

    /// <summary>Lets <paramref name="write"/> fill a temporary file, then renames it to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var temp = TempPathFor(path);
        RemoveLeftovers(path);
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                await write(stream).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e)
        {
            TryDelete(temp);
            if (DiskFullException.IsDiskFull(e)) throw new DiskFullException(path, null, e);
            throw;
        }
    }

    private static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Whether <paramref name="name"/> is a temporary file named by this class whose writing process is gone.</summary>
    internal static bool IsLeftover(string name)
    {
        if (!name.StartsWith('.') || !name.EndsWith(".tmp", StringComparison.Ordinal)) return false;
        var parts = name.Split('.');
        if (parts.Length < 4 || !int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    // Temporary files of earlier writes of `path` by processes that died before their rename.
    private static void RemoveLeftovers(string path)
    {
        var full = Path.GetFullPath(path);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.*.tmp"))
            if (IsLeftover(Path.GetFileName(file))) TryDelete(file);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
