namespace Mentor.Reports.Tests.Support;

/// <summary>Real clothing photos from ../shared/datasets, read in place.</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindDatasets);

    public static string ClothingSmall => Path.Combine(Root.Value, "clothing-small");

    /// <summary>The first <paramref name="count"/> photos (ordinal order) of one class in one split.</summary>
    public static IReadOnlyList<string> Clothing(string split, string label, int count, int skip = 0) =>
        Directory.GetFiles(Path.Combine(ClothingSmall, split, label)).Order(StringComparer.Ordinal).Skip(skip).Take(count).ToList();

    private static string FindDatasets()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "clothing-small"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/datasets not found above " + AppContext.BaseDirectory);
    }
}
