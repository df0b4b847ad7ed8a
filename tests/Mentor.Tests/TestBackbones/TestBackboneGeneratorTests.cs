using System.Diagnostics;
using System.Text.Json;
using Mentor.TestBackbones;
using Mentor.Tests.Support;

namespace Mentor.Tests.TestBackbones;

/// <summary>The generator program writes every test backbone and its spec, the same bytes on every run.</summary>
public sealed class TestBackboneGeneratorTests
{
    private static readonly string[] SpecKeys =
        ["name", "file", "input_size", "layout", "channel_order", "pixel_range", "mean", "std", "interpolation", "crop_pct", "feature", "pool"];

    /// <summary>
    /// Given an empty folder, when the generator runs as a process, then each backbone's .onnx and .json are there,
    /// the spec has exactly the keys and names its model, and the files equal a second, in-process build.
    /// </summary>
    [Fact]
    public async Task The_generator_writes_every_backbone_with_its_spec_and_the_same_bytes_twice()
    {
        using var temp = new TempDirectory();

        var (exitCode, output, error) = await RunGeneratorAsync(temp.Path);

        Assert.True(exitCode == 0, $"exit {exitCode}: {output} {error}");
        foreach (var entry in TestBackboneCatalog.All)
        {
            var again = entry.Build();
            var specPath = temp.Combine(again.SpecFileName);
            using var json = JsonDocument.Parse(File.ReadAllText(specPath));
            Assert.Equal(SpecKeys, json.RootElement.EnumerateObject().Select(p => p.Name));
            var model = Path.Combine(Path.GetDirectoryName(specPath)!, json.RootElement.GetProperty("file").GetString()!);
            Assert.True(File.ReadAllBytes(model).AsSpan().SequenceEqual(again.Model), $"{entry.Name}: the model bytes differ between two builds");
            Assert.Equal(again.Spec.ToJson(), File.ReadAllText(specPath));
        }
        Assert.Equal(TestBackboneCatalog.All.Count * 2, Directory.GetFiles(temp.Path).Length);
    }

    /// <summary>Given no output folder, when the generator runs, then it prints its usage and exits with 2.</summary>
    [Fact]
    public async Task Without_an_output_folder_the_generator_prints_its_usage()
    {
        var (exitCode, _, error) = await RunGeneratorAsync();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("usage:", error);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunGeneratorAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mentor.TestBackbones.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
