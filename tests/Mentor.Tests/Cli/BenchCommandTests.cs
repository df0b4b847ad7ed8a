using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

[Collection(BackboneCollection.Name)]
public sealed class BenchCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Bench_json_reports_every_figure_from_one_run()
    {
        var data = _temp.MakeClothingDataset("data", 4, "dress", "shoes");

        var result = await CliRunner.RunAsync("bench", "--data", data, "--seconds", "0.05", "--json");

        Assert.Equal(0, result.ExitCode);
        foreach (var key in new[] { "decodeImagesPerSecond", "backboneImagesPerSecond", "endToEndImagesPerSecond", "warmImagesPerSecond" })
            Assert.True(result.Json.GetProperty(key).GetDouble() > 0, key);
        Assert.Equal(8, result.Json.GetProperty("images").GetInt32());
        // The share is taken against the backbone measured around the extraction, and the ceiling is what preparing leaves.
        var json = result.Json;
        var beforeAndAfter = json.GetProperty("backboneBeforeAndAfterExtraction").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2, beforeAndAfter.Length);
        var around = json.GetProperty("backboneAroundExtractionImagesPerSecond").GetDouble();
        Assert.Equal(beforeAndAfter.Average(), around, 0.1);
        Assert.Equal(json.GetProperty("endToEndImagesPerSecond").GetDouble() / around, json.GetProperty("endToEndShareOfBackbone").GetDouble(), 0.05);
        Assert.Equal(2000.0 / json.GetProperty("decodeImagesPerSecond").GetDouble() * json.GetProperty("cores").GetInt32() / 2,
            json.GetProperty("decodeCoreMillisecondsPerPhoto").GetDouble(), 0.01);
        Assert.InRange(json.GetProperty("endToEndCeiling").GetDouble(), 0.01, 0.999);
        Assert.Equal(5, result.Json.GetProperty("backboneByBatchSize").EnumerateObject().Count());
        // Figures from different processors are not comparable: the report names the one it ran on.
        var cpu = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        Assert.StartsWith(cpu, result.Json.GetProperty("cpu").GetString());
        Assert.Equal("libjpeg-turbo (system)", result.Json.GetProperty("jpegDecoder").GetString()); // installed by .ci/run
    }
}
