using System.Diagnostics;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary>
/// The cache and the output on a small tmpfs that is full: one line naming the path, nothing half-written under a final
/// name, no temporary file left, and a re-run after space is freed succeeds. Mounting needs root, as CI and the project's
/// machines run.
/// </summary>
[Collection(BackboneCollection.Name)]
public sealed class FullDiskTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _disk;

    public FullDiskTests()
    {
        _disk = _temp.Combine("disk");
        Directory.CreateDirectory(_disk);
        Run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", _disk);
    }

    public void Dispose()
    {
        Run("umount", "-l", _disk);
        _temp.Dispose();
    }

    [Fact]
    public async Task A_full_cache_disk_fails_with_one_line_leaves_nothing_partial_and_a_rerun_after_freeing_space_succeeds()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var cache = Path.Combine(_disk, "cache");
        var filler = Fill();

        var full = await CliRunner.RunAsync("extract", data, "--cache", cache);

        Assert.Equal(1, full.ExitCode);
        Assert.Single(full.Error.TrimEnd().Split('\n'));
        Assert.Contains("the disk is full", full.Error);
        Assert.Contains(cache, full.Error);
        Assert.Empty(Directory.GetFiles(_disk, "*.tmp", SearchOption.AllDirectories));

        File.Delete(filler);
        var rerun = await CliRunner.RunAsync("extract", data, "--cache", cache, "--json");
        var verify = await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--json");

        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(6, rerun.Json.GetProperty("computed").GetInt32());
        Assert.True(verify.Json.GetProperty("consistent").GetBoolean());
        Assert.Equal(6, verify.Json.GetProperty("entries").GetInt32());
    }

    [Fact]
    public async Task A_full_output_disk_names_the_output_and_leaves_no_file_under_its_name()
    {
        var data = _temp.MakeClothingDataset("data", 3, "dress", "shoes");
        var output = Path.Combine(_disk, "features.parquet");
        Fill();

        var full = await CliRunner.RunAsync("extract", data, "--cache", _temp.Combine("cache"), "-o", output);

        Assert.Equal(1, full.ExitCode);
        Assert.Single(full.Error.TrimEnd().Split('\n'));
        Assert.Contains($"{output}: the disk is full", full.Error);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_disk, "*.tmp", SearchOption.AllDirectories));
    }

    // Writes zeros until the file system refuses: not a byte is left.
    private string Fill()
    {
        var filler = Path.Combine(_disk, "filler");
        using var stream = File.Create(filler);
        var block = new byte[4096];
        try
        {
            while (true) stream.Write(block);
        }
        catch (IOException)
        {
        }
        return filler;
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {error.Trim()} (the full-disk tests mount a tmpfs and need root)");
    }
}
