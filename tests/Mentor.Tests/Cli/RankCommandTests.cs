using System.Text.Json;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

[Collection(BackboneCollection.Name)]
public sealed class RankCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Rank_scores_each_candidate_and_verify_measures_the_linear_head()
    {
        // Given 3 classes x 12 real training photos
        var data = _temp.MakeDataset("data", new[] { "dress", "pants", "shoes" }.ToDictionary(l => l, l => SharedData.Clothing("train", l, 12)));

        // When mentor ranks two candidates as a process, verifying them
        using var process = CliRunner.Start("rank", data, "--backbones", "resnet18,resnet18:layer3", "--verify", "--cache", _temp.Combine("cache"), "--json");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Then it exits 0 with every figure in the JSON, for the 80% scored and the 20% held out
        Assert.True(process.ExitCode == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(30, json.GetProperty("trainImages").GetInt32());
        Assert.Equal(6, json.GetProperty("validationImages").GetInt32());
        var candidates = json.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(["resnet18", "resnet18:layer3"], candidates.Select(c => c.GetProperty("backbone").GetString()).Order());
        Assert.Equal([256, 512], candidates.Select(c => c.GetProperty("dimensions").GetInt32()).Order());
        Assert.All(candidates, c =>
        {
            Assert.InRange(c.GetProperty("knnAccuracy").GetDouble(), 0.5, 1);
            Assert.InRange(c.GetProperty("linearAccuracy").GetDouble(), 0.5, 1);
            Assert.True(double.IsFinite(c.GetProperty("logMe").GetDouble()));
            Assert.True(c.GetProperty("seconds").GetDouble() > 0);
        });
        var logMe = candidates.Select(c => c.GetProperty("logMe").GetDouble()).ToList();
        Assert.Equal(logMe.OrderDescending(), logMe);
        var tau = json.GetProperty("kendallTau");
        Assert.InRange(tau.GetProperty("logMe").GetDouble(), -1, 1);
        Assert.InRange(tau.GetProperty("knnAccuracy").GetDouble(), -1, 1);
    }

    [Fact]
    public async Task Without_verify_there_is_no_linear_accuracy_and_every_photo_is_scored()
    {
        var data = _temp.MakeClothingDataset("data", 4, "dress", "shoes");

        var result = await CliRunner.RunAsync("rank", data, "--backbones", "resnet18", "--cache", _temp.Combine("cache"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(8, result.Json.GetProperty("trainImages").GetInt32());
        Assert.False(result.Json.TryGetProperty("kendallTau", out _));
        Assert.False(result.Json.GetProperty("candidates")[0].TryGetProperty("linearAccuracy", out _));
    }

    [Theory]
    [InlineData("no-backbones", "--backbones")]
    [InlineData("unknown-backbone", "unknown backbone 'vgg99'")]
    [InlineData("val-without-verify", "--val is used only with --verify")]
    [InlineData("bad-fraction", "--val-fraction must be above 0 and below 0.9")]
    [InlineData("twice", "'resnet18' is listed twice")]
    public async Task Bad_flags_exit_2_with_one_clear_line(string kind, string message)
    {
        var data = _temp.MakeClothingDataset("data", 1, "dress", "shoes");
        string[] args = kind switch
        {
            "no-backbones" => ["rank", data],
            "unknown-backbone" => ["rank", data, "--backbones", "resnet18,vgg99"],
            "val-without-verify" => ["rank", data, "--backbones", "resnet18", "--val", data],
            "bad-fraction" => ["rank", data, "--backbones", "resnet18", "--verify", "--val-fraction", "1.5"],
            _ => ["rank", data, "--backbones", "resnet18,resnet18"],
        };

        var result = await CliRunner.RunAsync([.. args, "--cache", _temp.Combine("cache")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.StartsWith("mentor: ", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task An_unknown_layer_is_one_line_listing_the_stages_and_exit_1()
    {
        var data = _temp.MakeClothingDataset("data", 1, "dress", "shoes");

        var result = await CliRunner.RunAsync("rank", data, "--backbones", "resnet18:layer9", "--cache", _temp.Combine("cache"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("mentor: resnet18: no stage 'layer9'; stages found: layer0, layer1, layer2, layer3, layer4.", result.Error.TrimEnd());
    }
}
