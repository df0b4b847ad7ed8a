namespace Mentor.Packaging.Tests.Support;

/// <summary>The repository these tests were built from, and the shared datasets beside it.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() => Above("Mentor.slnx", File.Exists) ?? throw new DirectoryNotFoundException("Mentor.slnx not found above " + AppContext.BaseDirectory));

    private static readonly Lazy<string> DatasetsPath = new(() =>
        Above(Path.Combine("shared", "datasets", "clothing-small"), Directory.Exists) is { } dir
            ? Path.Combine(dir, "shared", "datasets")
            : throw new DirectoryNotFoundException("shared/datasets not found above " + AppContext.BaseDirectory));

    public static string Root => RootPath.Value;

    public static string Readme => Path.Combine(Root, "README.md");

    /// <summary>The first <paramref name="count"/> photos (ordinal order) of one clothing-small class in one split.</summary>
    public static IReadOnlyList<string> Clothing(string split, string label, int count, int skip = 0) =>
        Directory.GetFiles(Path.Combine(DatasetsPath.Value, "clothing-small", split, label)).Order(StringComparer.Ordinal).Skip(skip).Take(count).ToList();

    /// <summary>A labelled folder (<c>root/label/*.jpg</c>) of real photos copied from one split.</summary>
    public static string MakeDataset(string root, string split, IEnumerable<string> labels, int perClass, int skip = 0)
    {
        foreach (var label in labels)
        {
            var folder = Path.Combine(root, label);
            Directory.CreateDirectory(folder);
            foreach (var photo in Clothing(split, label, perClass, skip)) File.Copy(photo, Path.Combine(folder, Path.GetFileName(photo)));
        }
        return root;
    }

    private static string? Above(string relative, Func<string, bool> exists)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (exists(Path.Combine(dir.FullName, relative))) return dir.FullName;
        return null;
    }
}
