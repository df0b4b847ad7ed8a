using System.Diagnostics;
using Mentor.Features;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary>
/// Datasets that are not what they seem or change while a run reads them: a link looping back to its folder, a file linking
/// to itself, a 255-byte name, a name that is not UTF-8, photos deleted or rewritten after the folder was listed. Each
/// unusable one is reported on one line naming it; the run goes on (and stops on the first with --strict).
/// </summary>
[Collection(BackboneCollection.Name)]
public sealed class ChangingFilesTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Link_loops_and_odd_names_are_reported_one_line_each_and_the_rest_is_extracted_once()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var (dress, shoes) = (Path.Combine(data, "dress"), Path.Combine(data, "shoes"));
        Directory.CreateSymbolicLink(Path.Combine(dress, "loop"), ".");
        File.CreateSymbolicLink(Path.Combine(shoes, "self.jpg"), "self.jpg");
        var longName = Path.Combine(shoes, new string('L', 251) + ".jpg");
        File.Copy(SharedData.Clothing("validation", "shoes", 4)[3], longName);
        RawFileNames.MoveToLatin1Cafe(Directory.GetFiles(dress)[0], dress);

        var json = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "--json");
        var text = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"));
        var strict = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "--strict");

        // Then the two photos left in dress and the four shoes (the long name one of them) are extracted, each once
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(2 + 4, json.Json.GetProperty("images").GetInt32());
        var skipped = json.Json.GetProperty("skipped").EnumerateArray().ToDictionary(s => Path.GetFileName(s.GetProperty("path").GetString()!), s => s.GetProperty("reason").GetString()!);
        Assert.Equal(["caf\uFFFD.jpg", "loop", "self.jpg"], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("not valid UTF-8", skipped["caf\uFFFD.jpg"]);
        Assert.Contains("a loop", skipped["loop"]);
        Assert.Contains("Too many levels of symbolic links", skipped["self.jpg"]);
        foreach (var name in new[] { "caf\uFFFD.jpg", "loop", "self.jpg" })
            Assert.Single(text.Out.Split('\n'), l => l.Contains(Path.DirectorySeparatorChar + name + ": ", StringComparison.Ordinal));
        Assert.Equal(1, strict.ExitCode);
        Assert.Single(strict.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Photos_deleted_or_rewritten_after_listing_are_reported_or_read_as_they_are_now()
    {
        var data = _temp.MakeClothingDataset("data", 10, "dress", "shoes");
        var cache = _temp.Combine("cache");
        var output = _temp.Combine("features.parquet");
        var shoes = Directory.GetFiles(Path.Combine(data, "shoes")).Order(StringComparer.Ordinal).ToList();
        var (deleted, garbled, swapped) = (shoes[^1], shoes[^2], shoes[^3]);
        var donor = Directory.GetFiles(Path.Combine(data, "dress")).Order(StringComparer.Ordinal).First();

        // Given an extraction one photo at a time, listed and under way (its first vector cached)
        using var run = CliRunner.Start("extract", data, "--cache", cache, "-o", output, "--batch-size", "1", "--json");
        var stdout = run.StandardOutput.ReadToEndAsync();
        var stderr = run.StandardError.ReadToEndAsync();
        while (!run.HasExited && CachedVectors(cache) < 1) await Task.Delay(10);

        // When the last photos it will read are deleted, cut short, or replaced by another photo
        File.Delete(deleted);
        File.WriteAllBytes(garbled, File.ReadAllBytes(garbled)[..1000]);
        File.Copy(donor, swapped, overwrite: true);
        await run.WaitForExitAsync();

        // Then it finishes, reports the first two one line each, and reads the replaced photo as it is now
        Assert.True(run.ExitCode == 0, await stderr);
        var result = System.Text.Json.JsonDocument.Parse(await stdout).RootElement;
        var skipped = result.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("path").GetString()!, s => s.GetProperty("reason").GetString()!);
        Assert.Equal([garbled, deleted], skipped.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("file not found", skipped[deleted]);
        Assert.Equal(18, result.GetProperty("images").GetInt32());
        var rows = (await ParquetFeatureWriter.ReadAsync(output)).ToDictionary(r => r.Path);
        Assert.Equal(rows[donor].Features, rows[swapped].Features);
    }

    private static int CachedVectors(string cache) =>
        Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*.f32", SearchOption.AllDirectories).Count() : 0;
}
