
namespace Mentor.Sharding;

/// <summary>Finds and merges feature shards: a folder of them, a glob (<c>dir/shard-*.parquet</c>) or one file.</summary>
public static class FeatureShards
{
    /// <summary>True when <paramref name="source"/> names shards rather than images: a glob, a .parquet file, or a folder holding .parquet files.</summary>
    public static bool AreShards(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.IndexOfAny(['*', '?']) >= 0 || source.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase)) return true;
        return Directory.Exists(source) && Directory.EnumerateFiles(source, "*.parquet").Any();
    }

    /// <summary>The shard files <paramref name="source"/> names, sorted; throws when it names none.</summary>
    public static IReadOnlyList<string> Resolve(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var full = Path.GetFullPath(source);
        string[] files;
        if (File.Exists(full)) files = [full];
        else if (Directory.Exists(full)) files = Directory.GetFiles(full, "*.parquet");
        else
        {
            var folder = Path.GetDirectoryName(full)!;
            files = Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileName(full)) : [];
        }
        if (files.Length == 0)
            throw new ShardException($"{source}: no feature shards there; pass the folder the sharded extract wrote, or a glob such as dir/shard-*.parquet.");
        return files.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reads and merges the shards of <paramref name="source"/>. Throws <see cref="ShardException"/> naming the odd file when a
    /// shard came from another backbone, preprocessing or label list, belongs to another shard count, or a shard is missing or doubled.
    /// </summary>
    public static async Task<ShardSet> ReadAsync(string source, CancellationToken cancellation = default)
    {
        var files = Resolve(source);
        var metadata = new ShardMetadata[files.Count];
        for (var f = 0; f < files.Count; f++)
        {
            metadata[f] = await ShardFile.ReadMetadataAsync(files[f], cancellation).ConfigureAwait(false);
            CheckAgainstFirst(files, metadata, f);
        }
        CheckComplete(source, files, metadata);

        var first = metadata[0];
        var labelIndex = first.Labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var rows = new List<(string Path, int Target, float[] Features)>();
        foreach (var file in files)
        {
            foreach (var row in await ShardFile.ReadRowsAsync(file, cancellation).ConfigureAwait(false))
            {
                if (!labelIndex.TryGetValue(row.Label, out var target))
                    throw new ShardException($"{file}: row '{row.Path}' has label '{row.Label}', which is not in the shard's label list; extract it again.");
                rows.Add((row.Path, target, row.Features));
            }
        }
        rows.Sort((a, b) => a.Target != b.Target ? a.Target.CompareTo(b.Target) : string.CompareOrdinal(a.Path, b.Path));
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Path == rows[i - 1].Path && rows[i].Target == rows[i - 1].Target)
                throw new ShardException($"{source}: '{rows[i].Path}' is in more than one shard; extract all shards with the same shard count into an empty folder.");
        }
        return new ShardSet(files, first, rows.Select(r => r.Path).ToList(), rows.Select(r => r.Target).ToArray(), rows.Select(r => r.Features).ToArray());
    }

    private static void CheckAgainstFirst(IReadOnlyList<string> files, ShardMetadata[] metadata, int f)
    {
        var (first, shard) = (metadata[0], metadata[f]);
        if (f == 0 || shard.SameSourceAs(first)) return;
        var what = shard.BackboneIdentity != first.BackboneIdentity ? $"backbone {shard.BackboneIdentity}, but {Path.GetFileName(files[0])} with {first.BackboneIdentity}"
            : shard.Preprocessing != first.Preprocessing ? $"preprocessing {shard.Preprocessing}, but {Path.GetFileName(files[0])} with {first.Preprocessing}"
            : $"labels [{string.Join(", ", shard.Labels)}], but {Path.GetFileName(files[0])} with [{string.Join(", ", first.Labels)}]";
        throw new ShardException($"{files[f]}: extracted with {what}; extract every shard with the same backbone and dataset.");
    }

    private static void CheckComplete(string source, IReadOnlyList<string> files, ShardMetadata[] metadata)
    {
        var count = metadata[0].Shard.Count;
        for (var f = 0; f < files.Count; f++)
        {
            if (metadata[f].Shard.Count != count)
                throw new ShardException($"{files[f]}: is shard {metadata[f].Shard} but {Path.GetFileName(files[0])} is {metadata[0].Shard}; keep one job's shards per folder.");
        }
        var missing = Enumerable.Range(0, count).Except(metadata.Select(m => m.Shard.Index)).ToList();
        if (missing.Count > 0)
            throw new ShardException($"{source}: {missing.Count} of {count} shards missing (first: {new ShardSpec(missing[0], count).FileName}); run those shards again.");
        if (metadata.Length != count)
            throw new ShardException($"{source}: holds {metadata.Length} files for {count} shards; keep one file per shard.");
    }
}
