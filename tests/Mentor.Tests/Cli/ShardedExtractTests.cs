using System.Text.Json;
using DuckDB.NET.Data;
using Mentor.Data;
using Mentor.Models;
using Mentor.Heads.Logistic;
using Mentor.Quantization;
using Mentor.Sharding;
using Mentor.Tests.Support;
using Onnx;

namespace Mentor.Tests.Cli;

/// <summary>The cluster on one machine: shard processes told their shard the way Kubernetes and Slurm tell them.</summary>
[Collection(BackboneCollection.Name)]
public sealed class ShardedExtractTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Killed_and_rerun_shards_merge_to_the_single_process_features_bit_for_bit_and_slurm_shards_are_the_same_bytes()
    {
        // 45 photos per shard, one per batch: the doomed shard still has about 40 to go when it is killed
        var data = _temp.MakeDataset("data", new[] { "dress", "pants", "shoes" }.ToDictionary(l => l, l => SharedData.Clothing("train", l, 30)));
        var (kubernetes, slurm, single) = (_temp.Combine("k8s"), _temp.Combine("slurm"), _temp.Combine("single"));
        Assert.Equal(0, (await Run([], "extract", data, "--shard", "0/1", "-o", single, "--no-cache")).ExitCode);

        // Given shard 1 killed with SIGKILL while it extracts into its own cache (the pod's emptyDir); a starved poller
        // can still see it finish first, so that attempt is discarded and the kill comes sooner
        var cache1 = _temp.Combine("cache-1");
        var doomedShard = Path.Combine(kubernetes, "shard-00001-of-00002.parquet");
        foreach (var killAfter in new[] { 3, 1, 1 })
        {
            using var doomed = ShardProcess.Start(Kubernetes(1), "extract", data, "--shard", "auto", "--shards", "2", "-o", kubernetes, "--cache", cache1, "--batch-size", "1");
            while (!doomed.HasExited && CachedVectors(cache1) < killAfter) await Task.Delay(5);
            doomed.Kill();
            await doomed.WaitForExitAsync();
            if (!File.Exists(doomedShard)) break;
            File.Delete(doomedShard);
            Directory.Delete(cache1, recursive: true);
        }
        Assert.False(File.Exists(doomedShard));
        Assert.InRange(CachedVectors(cache1), 1, 44);

        // When both shards run (shard 1 again, reusing its cache), and a Slurm array does the same
        var results = await Task.WhenAll(
            Run(Kubernetes(0), "extract", data, "--shard", "auto", "--shards", "2", "-o", kubernetes, "--no-cache", "--json"),
            Run(Kubernetes(1), "extract", data, "--shard", "auto", "--shards", "2", "-o", kubernetes, "--cache", cache1, "--json"));
        foreach (var id in new[] { 1, 2 })
            Assert.Equal(0, (await Run(Slurm(id), "extract", data, "--shard", "auto", "-o", slurm, "--no-cache")).ExitCode);

        // Then every photo is in exactly one shard, with the single process's features, and Slurm wrote the same bytes
        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal([45, 45], results.Select(r => JsonDocument.Parse(r.Out).RootElement.GetProperty("rows").GetInt32()));
        var merged = await FeatureShards.ReadAsync(kubernetes);
        var whole = await FeatureShards.ReadAsync(single);
        Assert.Equal(whole.Paths, merged.Paths);
        Assert.Equal(90, merged.Paths.Distinct().Count());
        Assert.All(Enumerable.Range(0, whole.Count), i => Assert.True(whole.Features[i].AsSpan().SequenceEqual(merged.Features[i]), whole.Paths[i]));
        foreach (var file in Directory.GetFiles(kubernetes))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(slurm, Path.GetFileName(file))));
        Assert.Equal(["shard-00000-of-00002.parquet", "shard-00001-of-00002.parquet"], Directory.GetFiles(kubernetes).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_done_shard_is_skipped_and_recomputed_from_scratch_it_is_the_same_bytes()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var output = _temp.Combine("shards");
        var file = Path.Combine(output, "shard-00001-of-00003.parquet");
        await Run([], "extract", data, "--shard", "1/3", "-o", output, "--no-cache");
        var first = File.ReadAllBytes(file);

        var again = await Run([], "extract", data, "--shard", "1/3", "-o", output, "--no-cache", "--json");
        File.Delete(file);
        await Run([], "extract", data, "--shard", "1/3", "-o", output, "--no-cache", "--batch-size", "1");

        Assert.True(JsonDocument.Parse(again.Out).RootElement.GetProperty("alreadyDone").GetBoolean());
        Assert.Equal(first, File.ReadAllBytes(file));
        var metadata = await ShardFile.ReadMetadataAsync(file);
        Assert.Equal((ClassifierFile.MentorVersion, "resnet18", "1/3"), (metadata.MentorVersion, metadata.BackboneName, metadata.Shard.ToString()));
        Assert.StartsWith("resnet18:sha256:", metadata.BackboneIdentity);
    }

    [Fact]
    public async Task DuckDB_reads_the_shards_and_counts_the_folder_classes()
    {
        var data = _temp.MakeDataset("data", new Dictionary<string, IReadOnlyList<string>>
        {
            ["dress"] = SharedData.Clothing("validation", "dress", 3),
            ["shoes"] = SharedData.Clothing("validation", "shoes", 5),
            ["pants"] = SharedData.Clothing("validation", "pants", 2),
        });
        var output = _temp.Combine("shards");
        foreach (var k in new[] { 0, 1, 2 }) Assert.Equal(0, (await CliRunner.RunAsync("extract", data, "--shard", $"{k}/3", "-o", output, "--no-cache")).ExitCode);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT label, count(*) FROM '{output}/*.parquet' GROUP BY label ORDER BY label";
        var counts = new List<(string, long)>();
        using (var reader = command.ExecuteReader())
            while (reader.Read()) counts.Add((reader.GetString(0), reader.GetInt64(1)));

        var folder = ImageFolderDataset.Open(data);
        Assert.Equal(folder.Labels.Zip(folder.CountPerLabel(), (l, n) => (l, (long)n)), counts);
    }

    [Fact]
    public async Task Training_on_the_shards_gives_the_model_training_on_the_folder_gives()
    {
        var data = _temp.MakeClothingDataset("data", 6, "dress", "pants", "shoes");
        var test = _temp.MakeDataset("test", new[] { "dress", "pants", "shoes" }.ToDictionary(l => l, l => SharedData.Clothing("test", l, 3)));
        var (shards, cache) = (_temp.Combine("shards"), _temp.Combine("cache"));
        foreach (var k in new[] { 0, 1 }) await CliRunner.RunAsync("extract", data, "--shard", $"{k}/2", "-o", shards, "--cache", cache);

        var fromFolder = await CliRunner.RunAsync("train", data, "--test", test, "-o", _temp.Combine("folder.onnx"), "--cache", cache, "--json");
        var fromShards = await CliRunner.RunAsync("train", "--features", Path.Combine(shards, "shard-*.parquet"), "--test", test, "-o", _temp.Combine("shards.onnx"), "--cache", cache, "--json");

        Assert.Equal(0, fromShards.ExitCode);
        Assert.Equal(18, fromShards.Json.GetProperty("trainImages").GetInt32());
        Assert.Equal(Accuracy(fromFolder), Accuracy(fromShards));
        var (a, b) = (Head(_temp.Combine("folder.onnx")), Head(_temp.Combine("shards.onnx")));
        Assert.True(a.Weights.SequenceEqual(b.Weights) && a.Bias.SequenceEqual(b.Bias));
    }

    [Fact]
    public async Task Shards_from_two_backbone_builds_are_refused_with_one_line_naming_the_odd_shard()
    {
        var data = _temp.MakeClothingDataset("data", 2, "dress", "shoes");
        var shards = _temp.Combine("shards");
        foreach (var k in new[] { 0, 1 }) await CliRunner.RunAsync("extract", data, "--shard", $"{k}/2", "-o", shards, "--no-cache");
        var odd = Path.Combine(shards, "shard-00001-of-00002.parquet");
        var rows = await ShardFile.ReadRowsAsync(odd);
        var metadata = await ShardFile.ReadMetadataAsync(odd);
        await ShardFile.WriteAsync(odd, rows.ToList(), metadata with { BackboneIdentity = "resnet18:sha256:0000" });

        var result = await CliRunner.RunAsync("train", "--features", shards, "-o", _temp.Combine("m.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains($"{odd}: extracted with backbone resnet18:sha256:0000", result.Error);
    }

    [Theory]
    [InlineData(new[] { "--shard", "auto", "-o", "out" }, "found neither JOB_COMPLETION_INDEX")]
    [InlineData(new[] { "--shard", "4/4", "-o", "out" }, "'4/4' is not K/N")]
    [InlineData(new[] { "--shard", "1/4" }, "--shard needs -o <folder>")]
    [InlineData(new[] { "--shards", "4", "-o", "out" }, "--shards only applies with --shard auto")]
    public async Task Bad_shard_flags_are_one_line_and_exit_code_2(string[] flags, string expected)
    {
        var result = await Run([], ["extract", _temp.MakeClothingDataset("data", 1, "dress", "shoes"), .. flags]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error);
    }

    private static Dictionary<string, string> Kubernetes(int index) => new() { ["JOB_COMPLETION_INDEX"] = $"{index}" };

    private static Dictionary<string, string> Slurm(int id) =>
        new() { ["SLURM_ARRAY_TASK_ID"] = $"{id}", ["SLURM_ARRAY_TASK_MIN"] = "1", ["SLURM_ARRAY_TASK_COUNT"] = "2" };

    private static Task<(int ExitCode, string Out, string Error)> Run(Dictionary<string, string> environment, params string[] args) =>
        ShardProcess.RunAsync(environment, args);

    private static int CachedVectors(string cache) =>
        Directory.Exists(cache) ? Directory.EnumerateFiles(cache, "*.f32", SearchOption.AllDirectories).Count() : 0;

    private static double Accuracy(CliRunner.Result result) => result.Json.GetProperty("test").GetProperty("accuracy").GetDouble();

    private static LinearHead Head(string model) => (LinearHead)Mentor.Heads.HeadFormats.Read(model);
}
