using System.Globalization;
using Xunit.Abstractions;

namespace Mentor.Packaging.Tests.Support;

/// <summary>
/// Every package of the solution, packed once for the test collection into a temporary folder with a version of its
/// own (<c>0.1.0-test.&lt;time&gt;</c>), so that each consumer restores this build and never a copy NuGet cached
/// earlier; third-party packages still come from the machine's NuGet cache. On dispose the temporary folder and this
/// version's copies in the NuGet cache are deleted. Also installs the mentor tool from the folder and trains the
/// small model the consumers load, with that tool.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Mentor", "Mentor.Backbones.ResNet18", "Mentor.Training", "Mentor.AspNetCore", "Mentor.Cli", "Mentor.Cli.linux-x64"];

    public static readonly string[] Labels = ["dress", "pants", "shoes", "t-shirt"];

    private readonly List<string> _log = [];

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mentor-packaging-tests", Guid.NewGuid().ToString("N"));

    public string Folder => Path.Combine(Root, "feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);

    /// <summary>The installed tool's executable.</summary>
    public string Mentor => Path.Combine(Root, "tools", "mentor");

    /// <summary>A model trained by the installed tool on 10 photos per class (4 clothing classes).</summary>
    public string Model => Path.Combine(Root, "model.onnx");

    /// <summary>Real photos the model was not trained on, two per class.</summary>
    public IReadOnlyList<string> Photos { get; private set; } = [];

    /// <summary>What setting up took, for the test output.</summary>
    public IReadOnlyList<string> Log => _log;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        await Timed("pack", () => Shell.DotnetAsync(Repository.Root, "pack", "Mentor.slnx", "-c", "Release", "--no-build", "-o", Folder, $"-p:PackageVersion={Version}"));
        await Timed("tool install", () => Shell.DotnetAsync(Root, "tool", "install", "Mentor.Cli", "--tool-path", Path.Combine(Root, "tools"), "--add-source", Folder, "--version", Version));
        var train = Repository.MakeDataset(Path.Combine(Root, "data", "train"), "train", Labels, 10);
        var validation = Repository.MakeDataset(Path.Combine(Root, "data", "validation"), "validation", Labels, 5);
        await Timed("mentor train", () => Shell.RunAsync(Root, Mentor, ["train", train, "--val", validation, "-o", Model, "--no-cache"], TimeSpan.FromMinutes(5)));
        Photos = Labels.SelectMany(l => Repository.Clothing("test", l, 2)).ToList();
    }

    /// <summary>A fresh consumer folder: a nuget.config adding the packed folder to the machine's sources.</summary>
    public string NewConsumer(string name)
    {
        var folder = Path.Combine(Root, "consumers", name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="mentor-under-test" value="{Folder}" />
              </packageSources>
            </configuration>
            """);
        return folder;
    }

    /// <summary>Files under <paramref name="folder"/> and their total size in MB.</summary>
    public static (IReadOnlyList<string> Files, double Megabytes) Contents(string folder)
    {
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
        return (files.Select(f => Path.GetRelativePath(folder, f)).ToList(), files.Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0);
    }

    public void WriteLog(ITestOutputHelper output)
    {
        foreach (var line in _log) output.WriteLine(line);
        foreach (var package in Directory.GetFiles(Folder, "*.nupkg").Order(StringComparer.Ordinal))
            output.WriteLine($"{Path.GetFileName(package)}: {new FileInfo(package).Length / 1024.0 / 1024.0:0.0} MB");
    }

    private async Task Timed(string step, Func<Task> action)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await action();
        _log.Add($"{step}: {clock.Elapsed.TotalSeconds:0} s (under load)");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in PackageIds)
        {
            var copy = Path.Combine(cache, id.ToLowerInvariant(), Version);
            try { if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true); } catch (IOException) { }
        }
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class FeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
