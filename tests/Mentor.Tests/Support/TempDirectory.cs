namespace Mentor.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mentor-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Builds an image folder dataset: label -> files copied in.</summary>
    public string MakeDataset(string name, IReadOnlyDictionary<string, IReadOnlyList<string>> filesPerLabel)
    {
        var root = Combine(name);
        foreach (var (label, files) in filesPerLabel)
        {
            var folder = System.IO.Path.Combine(root, label);
            Directory.CreateDirectory(folder);
            foreach (var file in files) File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)));
        }
        return root;
    }

    /// <summary>A small two-or-more-class dataset of real clothing photos (validation split).</summary>
    public string MakeClothingDataset(string name = "data", int perClass = 3, params string[] labels)
    {
        if (labels.Length == 0) labels = ["dress", "pants", "shoes"];
        return MakeDataset(name, labels.ToDictionary(l => l, l => SharedData.Clothing("validation", l, perClass)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
