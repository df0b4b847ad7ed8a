namespace Mentor.Tests.Support;

/// <summary>Fixed small subsets of the real photo datasets in ../shared/datasets (read in place, never copied into the repo).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindDatasets);

    /// <summary>The shared datasets folder.</summary>
    public static string Datasets => Root.Value;

    public static string ClothingSmall => Path.Combine(Datasets, "clothing-small");

    public static string SignDigits => Path.Combine(Datasets, "sign-digits");

    /// <summary>The first <paramref name="count"/> photos (ordinal order) of one clothing class in one split.</summary>
    public static IReadOnlyList<string> Clothing(string split, string label, int count) =>
        Directory.GetFiles(Path.Combine(ClothingSmall, split, label)).Order(StringComparer.Ordinal).Take(count).ToList();

    /// <summary>A fixed handful of clothing photos from several classes.</summary>
    public static IReadOnlyList<string> SomeClothingPhotos(int perClass = 2) =>
        new[] { "dress", "pants", "shoes", "t-shirt" }.SelectMany(l => Clothing("validation", l, perClass)).ToList();

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
