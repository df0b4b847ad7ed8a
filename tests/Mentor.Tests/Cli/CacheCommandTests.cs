using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary><c>mentor cache verify|prune</c> as a process, on a cache filled by a real extraction.</summary>
[Collection(BackboneCollection.Name)]
public sealed class CacheCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> FilledCache()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var cache = _temp.Combine("cache");
        var extract = await CliRunner.RunAsync("extract", data, "--cache", cache);
        Assert.Equal(0, extract.ExitCode);
        return cache;
    }

    private static string[] Entries(string cache) => Directory.GetFiles(Path.Combine(cache, "features"), "*.f32", SearchOption.AllDirectories).Order().ToArray();

    [Fact]
    public async Task Verify_counts_whole_entries_and_exits_0_on_a_cache_a_run_left_whole()
    {
        var cache = await FilledCache();

        var result = await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(6, result.Json.GetProperty("entries").GetInt32());
        Assert.Equal(1, result.Json.GetProperty("namespaces").GetInt32());
        Assert.True(result.Json.GetProperty("otherBytes").GetInt64() > 1_000_000, "the prepared backbone is counted");
        Assert.True(result.Json.GetProperty("consistent").GetBoolean());
    }

    [Fact]
    public async Task A_damaged_entry_and_a_dead_writers_leftover_fail_verify_until_repaired_and_the_next_run_remakes_the_entry()
    {
        var cache = await FilledCache();
        var victim = Entries(cache)[2];
        var bytes = File.ReadAllBytes(victim);
        bytes[40] ^= 0xFF; // one flipped bit in a feature value: the checksum no longer matches
        File.WriteAllBytes(victim, bytes);
        // A temporary file named the way an interrupted write leaves one, by a process id that cannot be running.
        var leftover = Path.Combine(Path.GetDirectoryName(victim)!, $".{Path.GetFileName(victim)}.{int.MaxValue}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(leftover, [1, 2, 3]);

        var found = await CliRunner.RunAsync("cache", "verify", "--cache", cache);
        var repaired = await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--repair", "--json");
        var after = await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--json");

        Assert.Equal(1, found.ExitCode);
        Assert.Contains($"damaged: {victim}", found.Out);
        Assert.Contains($"leftover: {leftover}", found.Out);
        Assert.Single(found.Error.TrimEnd().Split('\n'));
        Assert.Contains("--repair", found.Error);
        Assert.Equal(0, repaired.ExitCode);
        Assert.Equal(2, repaired.Json.GetProperty("removed").GetInt32());
        Assert.False(File.Exists(victim) || File.Exists(leftover));
        Assert.Equal(5, after.Json.GetProperty("entries").GetInt32());

        var data = _temp.Combine("data");
        var rerun = await CliRunner.RunAsync("extract", data, "--cache", cache, "--json");
        Assert.Equal(5, rerun.Json.GetProperty("cacheHits").GetInt32());
        Assert.True(File.Exists(victim), "the damaged entry is computed again under its own name");
    }

    [Fact]
    public async Task Prune_keeps_the_cache_under_the_size_removing_the_least_recently_used_first()
    {
        var cache = await FilledCache();
        var entries = Entries(cache);
        var oldest = entries[0];
        File.SetLastAccessTimeUtc(oldest, DateTime.UtcNow.AddDays(-30));
        File.SetLastWriteTimeUtc(oldest, DateTime.UtcNow.AddDays(-30));
        var entrySize = new FileInfo(oldest).Length;
        var total = Directory.GetFiles(cache, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

        var result = await CliRunner.RunAsync("cache", "prune", "--cache", cache, "--max-size", (total - entrySize).ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(1, result.Json.GetProperty("removedFiles").GetInt32());
        Assert.False(File.Exists(oldest));
        Assert.True(result.Json.GetProperty("keptBytes").GetInt64() <= total - entrySize);
    }

    [Theory]
    [InlineData("prune")]
    [InlineData("prune", "--max-size", "lots")]
    public async Task Prune_without_a_readable_size_is_a_usage_error(params string[] args)
    {
        var result = await CliRunner.RunAsync(["cache", .. args, "--cache", _temp.Combine("cache")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max-size", result.Error);
    }
}
