using Mentor.Features;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

[Collection(BackboneCollection.Name)]
public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Extract_writes_parquet_and_a_json_summary_and_the_second_run_hits_the_cache()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var output = _temp.Combine("features.parquet");

        var cold = await CliRunner.RunAsync("extract", data, "-o", output, "--cache", _temp.Combine("cache"), "--json");
        var warm = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "--json");

        Assert.Equal(0, cold.ExitCode);
        Assert.Equal(6, cold.Json.GetProperty("images").GetInt32());
        Assert.Equal(2, cold.Json.GetProperty("classes").GetInt32());
        Assert.Equal(0, cold.Json.GetProperty("cacheHits").GetInt32());
        Assert.True(cold.Json.GetProperty("imagesPerSecond").GetDouble() > 0);
        Assert.Equal(6, warm.Json.GetProperty("cacheHits").GetInt32());

        var rows = await ParquetFeatureWriter.ReadAsync(output);
        Assert.Equal(6, rows.Count);
        Assert.Equal(["dress", "dress", "dress", "shoes", "shoes", "shoes"], rows.Select(r => r.Label));
        Assert.All(rows, r => Assert.Equal(512, r.Features.Length));
        Assert.All(rows, r => Assert.True(File.Exists(r.Path)));
    }

    [Fact]
    public async Task Skipped_files_are_listed_with_reasons_and_strict_makes_them_an_error()
    {
        var data = _temp.MakeClothingDataset("data", 2, "dress", "shoes");
        File.WriteAllBytes(Path.Combine(data, "shoes", "zero.jpg"), []);

        var lenient = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "--json");
        var strict = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "--strict");

        Assert.Equal(0, lenient.ExitCode);
        var skipped = lenient.Json.GetProperty("skipped").EnumerateArray().Single();
        Assert.EndsWith("zero.jpg", skipped.GetProperty("path").GetString());
        Assert.Equal("empty file (0 bytes)", skipped.GetProperty("reason").GetString());
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("zero.jpg", strict.Error);
        Assert.Single(strict.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("missing-folder", 1, "folder not found")]
    [InlineData("single-class", 1, "only one class folder")]
    [InlineData("bad-batch", 2, "--batch-size must be between 1 and 256")]
    [InlineData("unknown-flag", 2, "--frobnicate")]
    [InlineData("bad-backbone", 2, "unknown backbone 'vgg99'")]
    [InlineData("bad-resize", 2, "--resize")]
    public async Task Bad_input_is_one_clear_line_and_a_non_zero_exit_code(string kind, int exitCode, string message)
    {
        var data = kind == "single-class" ? _temp.MakeClothingDataset("one", 1, "dress") : _temp.MakeClothingDataset("data", 1, "dress", "shoes");
        string[] args = kind switch
        {
            "missing-folder" => ["extract", _temp.Combine("no-such-folder")],
            "bad-batch" => ["extract", data, "--batch-size", "0"],
            "unknown-flag" => ["extract", data, "--frobnicate"],
            "bad-backbone" => ["extract", data, "--backbone", "vgg99"],
            "bad-resize" => ["extract", data, "--resize", "zoom"],
            _ => ["extract", data],
        };

        var result = await CliRunner.RunAsync([.. args, "--cache", _temp.Combine("cache")]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.StartsWith("mentor: ", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Two_processes_sharing_a_cache_both_succeed_and_leave_only_whole_entries()
    {
        var data = _temp.MakeClothingDataset("data", 6, "dress", "shoes");
        var cache = _temp.Combine("shared-cache");
        // Prepare the backbone copy first so the processes race on feature entries, the interesting part.
        await CliRunner.RunAsync("extract", _temp.MakeClothingDataset("warmup", 1, "dress", "shoes"), "--cache", cache);

        using var first = CliRunner.Start("extract", data, "--cache", cache, "--json", "--batch-size", "2");
        using var second = CliRunner.Start("extract", data, "--cache", cache, "--json", "--batch-size", "3");
        var outputs = await Task.WhenAll(first.StandardOutput.ReadToEndAsync(), second.StandardOutput.ReadToEndAsync());
        var errors = await Task.WhenAll(first.StandardError.ReadToEndAsync(), second.StandardError.ReadToEndAsync());
        await Task.WhenAll(first.WaitForExitAsync(), second.WaitForExitAsync());
        var third = await CliRunner.RunAsync("extract", data, "--cache", cache, "--json");

        Assert.True((first.ExitCode, second.ExitCode) == (0, 0), string.Join("\n", errors));
        Assert.All(outputs, o => Assert.Contains("\"images\": 12", o));
        Assert.Equal(12, third.Json.GetProperty("cacheHits").GetInt32());
        Assert.Empty(Directory.GetFiles(cache, "*.tmp", SearchOption.AllDirectories));
    }
}
