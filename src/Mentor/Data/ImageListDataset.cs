using nietras.SeparatedValues;

namespace Mentor.Data;

/// <summary>
/// A labelled dataset given as a list file: one <c>path,label</c> row per image (CSV, or TSV for <c>.tsv</c>/<c>.tab</c>),
/// an optional <c>path,label</c> header, paths relative to the list file's folder or absolute. The result is the same
/// <see cref="ImageFolderDataset"/> a folder gives (labels in ordinal order, images by label then path), so every command
/// takes either; files are not opened here: a missing or unreadable one is skipped with its reason when it is decoded.
/// </summary>
public static class ImageListDataset
{
    /// <summary>Reads <paramref name="listFile"/>; throws <see cref="DatasetException"/> naming the line and the fix.</summary>
    public static ImageFolderDataset Open(string listFile, int minimumClasses = 2)
    {
        ArgumentNullException.ThrowIfNull(listFile);
        var full = Path.GetFullPath(listFile);
        var folder = Path.GetDirectoryName(full)!;
        var separator = Path.GetExtension(full).ToLowerInvariant() is ".tsv" or ".tab" ? '\t' : ',';
        var rows = new List<(string Path, string Label)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(full))
        {
            var line = 0;
            foreach (var row in reader)
            {
                line++;
                if (row.ColCount == 1 && row[0].Span.Trim().IsEmpty) continue;
                if (row.ColCount != 2)
                    throw new DatasetException($"{listFile}:{line}: has {row.ColCount} column(s); write one 'path{separator}label' per line (quote paths that hold '{separator}').");
                var (path, label) = (row[0].ToString().Trim(), row[1].ToString().Trim());
                if (rows.Count == 0 && IsHeader(path, label)) continue;
                if (path.Length == 0 || label.Length == 0)
                    throw new DatasetException($"{listFile}:{line}: empty {(path.Length == 0 ? "path" : "label")}; every line needs a path and a label.");
                var resolved = Path.GetFullPath(Path.Combine(folder, path));
                if (seen.TryGetValue(resolved, out var first))
                    throw new DatasetException($"{listFile}:{line}: {path} is listed again (first on line {first}); list each image once.");
                seen[resolved] = line;
                rows.Add((resolved, label));
            }
        }

        var labels = rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (labels.Count < minimumClasses)
            throw new DatasetException(labels.Count == 0
                ? $"{listFile}: lists no images; write one 'path{separator}label' line per image."
                : $"{listFile}: lists only one class ('{labels[0]}'); a classifier needs at least two classes.");
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var images = rows
            .Select(r => new LabeledImage(r.Path, index[r.Label]))
            .OrderBy(i => i.Label).ThenBy(i => i.Path, StringComparer.Ordinal)
            .ToList();
        return new ImageFolderDataset(full, labels, images);
    }

    /// <summary>The folder that relative paths in <paramref name="dataset"/> are relative to: the root folder, or a list file's folder.</summary>
    public static string BaseFolder(ImageFolderDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return File.Exists(dataset.Root) ? Path.GetDirectoryName(dataset.Root)! : dataset.Root;
    }

    private static bool IsHeader(string path, string label) =>
        path.Equals("path", StringComparison.OrdinalIgnoreCase) && label.Equals("label", StringComparison.OrdinalIgnoreCase);
}
