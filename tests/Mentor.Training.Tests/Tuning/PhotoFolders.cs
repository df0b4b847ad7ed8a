namespace Mentor.Training.Tests.Tuning;

/// <summary>
/// Small train/validation image folders made of symbolic links to real photos of the sign-digits dataset
/// (../shared/datasets, never copied): for each digit, the first photos in ordinal order for training and the next
/// ones for validation. Deleted on dispose.
/// </summary>
internal sealed class PhotoFolders : IDisposable
{
    public PhotoFolders(int trainPerClass, int validationPerClass)
    {
        Root = Path.Combine(Path.GetTempPath(), $"mentor-tuning-{Guid.NewGuid():N}");
        Train = Path.Combine(Root, "train");
        Validation = Path.Combine(Root, "validation");
        foreach (var digit in Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var photos = Directory.GetFiles(Path.Combine(DatasetsRoot, "sign-digits", digit)).Order(StringComparer.Ordinal).ToList();
            Link(photos.Take(trainPerClass), Path.Combine(Train, digit));
            Link(photos.Skip(trainPerClass).Take(validationPerClass), Path.Combine(Validation, digit));
        }
    }

    /// <summary>../shared/datasets.</summary>
    public static string DatasetsRoot => Datasets.Value;

    public string Root { get; }

    public string Train { get; }

    public string Validation { get; }

    private static void Link(IEnumerable<string> photos, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var photo in photos) File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(photo)), photo);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }

    private static readonly Lazy<string> Datasets = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "sign-digits"))) return candidate;
        }
        throw new DirectoryNotFoundException("../shared/datasets not found above " + AppContext.BaseDirectory);
    });
}
