using Mentor.Cli;

namespace Mentor.Server.Tests.AspNetCore;

/// <summary>
/// Two small real models trained once for the test class with <c>mentor train</c> on real clothing photos: one with four
/// labels, one with three (so a test can tell which is loaded), plus the held-out photos to ask about.
/// </summary>
public sealed class TwoModels : IAsyncLifetime
{
    public static readonly string[] FourLabels = ["dress", "pants", "shoes", "t-shirt"];
    public static readonly string[] ThreeLabels = ["dress", "pants", "shoes"];

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mentor-aspnetcore-tests", Guid.NewGuid().ToString("N"));

    public string Four => Path.Combine(Folder, "four.onnx");

    public string Three => Path.Combine(Folder, "three.onnx");

    public IReadOnlyList<string> Photos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var cache = Path.Combine(Folder, "cache");
        await TrainAsync(FourLabels, Four, cache);
        await TrainAsync(ThreeLabels, Three, cache); // features from the cache: seconds
        Photos = ThreeLabels.SelectMany(l => Clothing("test", l, 3)).ToList();
    }

    /// <summary>Copies <paramref name="source"/> over <paramref name="target"/> the atomic way: a temporary file, then a rename.</summary>
    public static void Replace(string target, string source)
    {
        var temporary = target + ".tmp";
        File.Copy(source, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
    }

    private async Task TrainAsync(string[] labels, string model, string cache)
    {
        var train = Dataset(labels, "train", 8);
        var validation = Dataset(labels, "validation", 4);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MentorApp.RunAsync(["train", train, "--val", validation, "-o", model, "--cache", cache, "--json"], stdout, stderr);
        if (code != 0) throw new InvalidOperationException($"mentor train failed ({code}): {stderr}");
    }

    private string Dataset(string[] labels, string split, int perClass)
    {
        var root = Path.Combine(Folder, $"{split}-{labels.Length}");
        foreach (var label in labels)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            foreach (var photo in Clothing(split, label, perClass)) File.Copy(photo, Path.Combine(root, label, Path.GetFileName(photo)));
        }
        return root;
    }

    private static IReadOnlyList<string> Clothing(string split, string label, int count)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "shared", "datasets", "clothing-small", split, label);
            if (Directory.Exists(folder)) return Directory.GetFiles(folder).Order(StringComparer.Ordinal).Take(count).ToList();
        }
        throw new DirectoryNotFoundException("shared/datasets/clothing-small not found above " + AppContext.BaseDirectory);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
