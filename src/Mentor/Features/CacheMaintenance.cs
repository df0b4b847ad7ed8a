namespace Mentor.Features;

/// <summary>
/// Checks and trims a cache folder (feature entries under <c>features/</c>, prepared backbones under <c>backbones/</c>).
/// Safe while other processes use the cache: entries are replaced by rename, so deleting one only turns a later hit
/// into a miss, and a temporary file is removed only when the process that was writing it no longer runs.
/// </summary>
public static class CacheMaintenance
{
    private const string EntryExtension = ".f32";
    private const string TempExtension = ".tmp";

    /// <summary>Reads every file of <paramref name="cache"/>; with <paramref name="repair"/>, deletes damaged entries and leftovers.</summary>
    public static CacheCheck Verify(this FeatureCache cache, bool repair = false, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        int entries = 0, others = 0, removed = 0;
        long entryBytes = 0, otherBytes = 0;
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        var damaged = new List<string>();
        var leftovers = new List<string>();
        var featuresRoot = Path.Combine(cache.Directory, "features");
        foreach (var file in Files(cache.Directory))
        {
            cancellation.ThrowIfCancellationRequested();
            if (file.Name.EndsWith(TempExtension, StringComparison.Ordinal) && file.Name.StartsWith('.'))
            {
                if (AtomicFile.IsLeftover(file.Name)) leftovers.Add(file.FullName);
                continue;
            }
            if (file.FullName.StartsWith(featuresRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) && file.Name.EndsWith(EntryExtension, StringComparison.Ordinal))
            {
                if (IsWholeEntry(file))
                {
                    entries++;
                    entryBytes += file.Length;
                    namespaces.Add(Path.GetRelativePath(featuresRoot, file.FullName).Split(Path.DirectorySeparatorChar)[0]);
                }
                else damaged.Add(file.FullName);
                continue;
            }
            others++;
            otherBytes += file.Length;
        }
        if (repair)
            foreach (var path in damaged.Concat(leftovers))
                if (TryDelete(path)) removed++;
        return new CacheCheck(cache.Directory, entries, entryBytes, namespaces.Count, damaged, leftovers, others, otherBytes, removed);
    }

    /// <summary>Deletes the least recently used files of <paramref name="cache"/> until it holds at most <paramref name="maxBytes"/>.</summary>
    public static CachePruning Prune(this FeatureCache cache, long maxBytes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        // Last use: the later of the last read (where the file system records it) and the last write.
        var files = Files(cache.Directory).OrderBy(f => f.LastAccessTimeUtc > f.LastWriteTimeUtc ? f.LastAccessTimeUtc : f.LastWriteTimeUtc)
            .ThenBy(f => f.FullName, StringComparer.Ordinal).ToList();
        var total = files.Sum(f => f.Length);
        int removed = 0;
        long removedBytes = 0;
        foreach (var file in files)
        {
            if (total <= maxBytes) break;
            cancellation.ThrowIfCancellationRequested();
            if (!TryDelete(file.FullName)) continue;
            removed++;
            removedBytes += file.Length;
            total -= file.Length;
        }
        return new CachePruning(removed, removedBytes, files.Count - removed, total);
    }

    private static IEnumerable<FileInfo> Files(string directory) =>
        Directory.Exists(directory)
            ? new DirectoryInfo(directory).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true })
            : [];

    private static bool IsWholeEntry(FileInfo file)
    {
        try
        {
            return FeatureCache.VectorLength(File.ReadAllBytes(file.FullName)) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
