using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary>
/// Each long-running command, killed with SIGKILL at seeded moments (see <see cref="KillHarness"/> for the number of kills
/// and the seeds), then run again: the re-run succeeds, its result equals an uninterrupted run's, nothing partial is ever
/// under a final name, and <c>mentor cache verify</c> finds the cache consistent. Every round starts from an empty cache,
/// so that kills also land in the backbone's preparation.
/// </summary>
[Collection(BackboneCollection.Name)]
public sealed class KillAnywhereTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Extract_killed_anywhere_reruns_to_the_same_parquet_bytes()
    {
        var data = _temp.MakeClothingDataset("data", 4, "dress", "shoes");

        await KillAndRerunAsync("extract", 0, (cache, output) => ["extract", data, "--cache", cache, "-o", Path.Combine(output, "features.parquet"), "--batch-size", "2"],
            "features.parquet", File.ReadAllBytes);
    }

    [Fact]
    public async Task Train_killed_anywhere_reruns_to_the_same_model()
    {
        var (train, validation) = (_temp.MakeClothingDataset("train", 4), _temp.MakeClothingDataset("validation", 2));

        await KillAndRerunAsync("train", 1, (cache, output) => ["train", train, "--val", validation, "--cache", cache, "-o", Path.Combine(output, "model.onnx")],
            "model.onnx", ModelFileContent.WithoutCreationTime);
    }

    [Fact]
    public async Task Fine_tuning_killed_anywhere_reruns_to_the_same_model()
    {
        var (train, validation) = (_temp.MakeClothingDataset("train", 3, "dress", "shoes"), _temp.MakeClothingDataset("validation", 2, "dress", "shoes"));

        await KillAndRerunAsync("fine-tune", 2, (cache, output) =>
            ["train", train, "--val", validation, "--cache", cache, "-o", Path.Combine(output, "tuned.onnx"), "--fine-tune", "--epochs", "1", "--views", "1"],
            "tuned.onnx", ModelFileContent.WithoutCreationTime);
    }

    [Fact]
    public async Task Quantize_killed_anywhere_reruns_to_the_same_int8_model()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var model = _temp.Combine("model.onnx");
        Assert.Equal(0, (await CliRunner.RunAsync("train", data, "--cache", _temp.Combine("train-cache"), "-o", model)).ExitCode);

        await KillAndRerunAsync("quantize", 3, (cache, output) =>
            ["quantize", model, "--calibration", data, "--calibration-photos", "4", "--cache", cache, "-o", Path.Combine(output, "int8.onnx")],
            "int8.onnx", ModelFileContent.WithoutCreationTime);
    }

    /// <summary>
    /// Given an uninterrupted run's result, when the command is killed at each seeded moment and run again in the same
    /// folders, then the kill leaves the final name absent or whole, and the re-run gives the uninterrupted run's result
    /// and leaves only it in the output folder and a consistent cache.
    /// </summary>
    private async Task KillAndRerunAsync(string command, int seedOffset, Func<string, string, string[]> args, string outputName, Func<string, byte[]> content)
    {
        var (reference, referenceCache) = (_temp.Combine("runs", command, "reference"), _temp.Combine("runs", command, "reference-cache"));
        var uninterrupted = await KillHarness.RunAsync(args(referenceCache, reference));
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);
        var expected = content(Path.Combine(reference, outputName));

        var kills = 0;
        foreach (var seed in KillHarness.Seeds(seedOffset).TakeWhile(_ => kills < KillHarness.KillsPerCommand))
        {
            var (output, cache) = (_temp.Combine("runs", command, $"{seed}"), _temp.Combine("runs", command, $"{seed}-cache"));
            var file = Path.Combine(output, outputName);
            var kill = await KillHarness.StartAndKillAsync(command, seed, uninterrupted.Took, args(cache, output));
            if (!kill.Killed)
            {
                KillHarness.Log(kill, "not counted");
                continue;
            }
            kills++;
            Assert.True(!File.Exists(file) || IsWhole(file, content, expected), $"{command}, seed {seed}: a partial {file} under its final name");
            var afterKill = await VerifyAsync(cache);
            Assert.True(afterKill.GetProperty("damaged").GetArrayLength() == 0, $"{command}, seed {seed}: a damaged cache entry {afterKill}");

            var rerun = await KillHarness.RunAsync(args(cache, output));

            Assert.True(rerun.ExitCode == 0, $"{command}, seed {seed}: the re-run failed: {rerun.Error}");
            Assert.True(content(file).SequenceEqual(expected), $"{command}, seed {seed}: the re-run's {outputName} differs from the uninterrupted run's");
            Assert.Equal([outputName], Directory.GetFiles(output).Select(Path.GetFileName));
            var verify = await VerifyAsync(cache);
            Assert.True(verify.GetProperty("consistent").GetBoolean(), $"{command}, seed {seed}: {verify}");
            KillHarness.Log(kill, $"rerun=ok same-result cache-consistent leftovers-after-kill={afterKill.GetProperty("leftovers").GetArrayLength()}");
            Directory.Delete(output, recursive: true);
            Directory.Delete(cache, recursive: true);
        }
        Assert.Equal(KillHarness.KillsPerCommand, kills);
    }

    private static bool IsWhole(string file, Func<string, byte[]> content, byte[] expected)
    {
        try
        {
            return content(file).SequenceEqual(expected);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    private static async Task<System.Text.Json.JsonElement> VerifyAsync(string cache) =>
        (await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--json")).Json;
}
