namespace Mentor.Bench;

/// <summary>Finds ../shared/datasets from the build output.</summary>
internal static class BenchData
{
    public static string Datasets
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "datasets");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("../shared/datasets not found");
        }
    }

    /// <summary>The first <paramref name="count"/> clothing training photos, ordinal order.</summary>
    public static List<string> ClothingPhotos(int count) =>
        Directory.GetFiles(Path.Combine(Datasets, "clothing-small", "train"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(count).ToList();
}
