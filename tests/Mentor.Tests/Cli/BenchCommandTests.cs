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
        Assert.Equal(5, result.Json.GetProperty("backboneByBatchSize").EnumerateObject().Count());
        // Figures from different processors are not comparable: the report names the one it ran on.
        var cpu = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("model name", StringComparison.Ordinal)).Split(':', 2)[1].Trim();
        Assert.StartsWith(cpu, result.Json.GetProperty("cpu").GetString());
    }
}
