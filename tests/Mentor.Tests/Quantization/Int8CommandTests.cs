using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Quantization;

[Collection(BackboneCollection.Name)]
public sealed class Int8CommandTests : IDisposable
{
    private static readonly string[] Classes = ["dress", "pants", "shoes"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Given a training folder, when train, extract and bench run with --int8 on one cache folder, then calibration runs
    /// once (the int8 features train cached are hits for extract), fp32 features are a different key, and the model is int8 end to end.
    /// </summary>
    [Fact]
    public async Task Train_extract_and_bench_with_int8_share_one_calibration_and_keep_fp32_features_apart()
    {
        var train = _temp.MakeDataset("train", Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 10)));
        var test = _temp.MakeDataset("test", Classes.ToDictionary(c => c, c => SharedData.Clothing("test", c, 5)));
        var cache = _temp.Combine("cache");
        var model = _temp.Combine("model.onnx");

        var trained = await CliRunner.RunAsync("train", train, "--test", test, "--int8", "-o", model, "--cache", cache, "--json");
        var int8Extract = await CliRunner.RunAsync("extract", train, "--int8", "--cache", cache, "--json");
        var fp32Extract = await CliRunner.RunAsync("extract", train, "--cache", cache, "--json");
        var bench = await CliRunner.RunAsync("bench", "--data", train, "--int8", "--seconds", "0.05", "--cache", cache, "--json");

        Assert.Equal(0, trained.ExitCode);
        var accuracy = trained.Json.GetProperty("test").GetProperty("accuracy").GetDouble();
        Assert.True(accuracy >= 0.8, $"int8 test accuracy {accuracy} on dresses, pants and shoes");
        Assert.Equal(30, int8Extract.Json.GetProperty("cacheHits").GetInt32());
        Assert.Equal(0, fp32Extract.Json.GetProperty("cacheHits").GetInt32());
        Assert.Single(Directory.GetFiles(Path.Combine(cache, "backbones"), "*.int8-*.onnx"));
        Assert.InRange(new FileInfo(model).Length, 10_000_000, 20_000_000);
        using (var classifier = ImageClassifier.Load(model))
        {
            Assert.StartsWith("resnet18:int8:sha256:", classifier.Metadata.BackboneIdentity);
            Assert.NotNull(classifier.Metadata.Training["int8"]);
        }

        Assert.Equal(0, bench.ExitCode);
        foreach (var key in new[] { "backboneImagesPerSecond", "int8BackboneImagesPerSecond", "int8Speedup", "int8EndToEndImagesPerSecond", "int8EndToEndShareOfBackbone", "int8EndToEndCeiling" })
            Assert.True(bench.Json.GetProperty(key).GetDouble() > 0, key);
        Assert.Equal(5, bench.Json.GetProperty("int8BackboneByBatchSize").EnumerateObject().Count());
    }

    [Fact]
    public async Task Bench_int8_without_data_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("bench", "--int8");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--int8 needs --data", result.Error);
    }
}
