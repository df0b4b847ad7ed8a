namespace Mentor.Fuzz;

/// <summary>Where seeds come from: the shared datasets folder (found above the working directory, as the tests find it).</summary>
internal static class SeedSources
{
    public static string? Datasets()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "clothing-small"))) return candidate;
        }
        return null;
    }
}
