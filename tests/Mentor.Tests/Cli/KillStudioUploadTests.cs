using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary>
/// <c>mentor studio</c> killed with SIGKILL at seeded moments while a client uploads photos one by one; a new studio on the
/// same project, and the client uploading what the project does not list yet, end with every photo present once and whole,
/// as an uninterrupted session ends; no partial photo is ever under its name; the studio's feature cache stays consistent.
/// </summary>
[Collection(BackboneCollection.Name)]
public sealed partial class KillStudioUploadTests : IDisposable
{
    private static readonly string[] Classes = ["dress", "shoes"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Studio_killed_during_uploads_ends_with_every_photo_once_and_whole_after_a_restart()
    {
        var photos = Classes.ToDictionary(c => c, c => SharedData.Clothing("validation", c, 4));
        var clock = Stopwatch.StartNew();
        await SessionAsync(_temp.Combine("reference"), _temp.Combine("reference-cache"), photos);
        var window = clock.Elapsed;
        AssertEveryPhotoOnceAndWhole(_temp.Combine("reference"), photos);

        var kills = 0;
        foreach (var seed in KillHarness.Seeds(4).TakeWhile(_ => kills < KillHarness.KillsPerCommand))
        {
            var (project, cache) = (_temp.Combine($"{seed}"), _temp.Combine($"{seed}-cache"));
            using var studio = Start(project, cache);
            var uploads = UploadMissingAsync(studio, photos);
            var kill = await KillHarness.KillAtAsync(studio, "studio-upload", seed, KillHarness.MomentOf(seed, window));
            try { await uploads; } catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException or TaskCanceledException) { }
            if (!kill.Killed)
            {
                KillHarness.Log(kill, "not counted");
                continue;
            }
            kills++;
            foreach (var file in VisiblePhotos(project))
                Assert.True(photos[Path.GetFileName(Path.GetDirectoryName(file))!].Any(p => SameBytes(p, file)), $"seed {seed}: a partial photo {file}");

            await SessionAsync(project, cache, photos);

            AssertEveryPhotoOnceAndWhole(project, photos);
            var verify = (await CliRunner.RunAsync("cache", "verify", "--cache", cache, "--json")).Json;
            Assert.True(verify.GetProperty("consistent").GetBoolean(), $"seed {seed}: {verify}");
            KillHarness.Log(kill, "rerun=ok same-photos cache-consistent");
        }
        Assert.Equal(KillHarness.KillsPerCommand, kills);
    }

    // A whole session: start the studio, upload what it does not list yet, stop it with SIGTERM.
    private static async Task SessionAsync(string project, string cache, Dictionary<string, IReadOnlyList<string>> photos)
    {
        using var studio = Start(project, cache);
        await UploadMissingAsync(studio, photos);
        using (var term = Process.Start("kill", ["-TERM", $"{studio.Id}"])) await term.WaitForExitAsync();
        await studio.WaitForExitAsync();
        Assert.Equal(0, studio.ExitCode);
    }

    private static Process Start(string project, string cache)
    {
        foreach (var label in Classes) Directory.CreateDirectory(Path.Combine(project, label));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"), "studio", project, "--urls", "http://127.0.0.1:0", "--cache", cache })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    private static async Task UploadMissingAsync(Process studio, Dictionary<string, IReadOnlyList<string>> photos)
    {
        var address = await AddressAsync(studio);
        _ = studio.StandardError.ReadToEndAsync();
        using var client = new HttpClient { BaseAddress = address };
        foreach (var (label, files) in photos)
        {
            var listed = await client.GetStringAsync($"/api/photos?class={label}&limit=500");
            foreach (var file in files.Where(f => !listed.Contains($"\"{Path.GetFileName(f)}\"", StringComparison.Ordinal)))
            {
                using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file));
                content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                using var response = await client.PostAsync($"/api/photos?class={label}&name={Path.GetFileName(file)}", content);
                response.EnsureSuccessStatusCode();
            }
        }
    }

    private static async Task<Uri> AddressAsync(Process studio)
    {
        while (await studio.StandardError.ReadLineAsync() is { } line)
            if (Listening().Match(line) is { Success: true } match) return new Uri(match.Groups[1].Value);
        throw new InvalidOperationException("mentor studio exited before listening");
    }

    private static void AssertEveryPhotoOnceAndWhole(string project, Dictionary<string, IReadOnlyList<string>> photos)
    {
        foreach (var (label, files) in photos)
        {
            var present = VisiblePhotos(project).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == label).ToList();
            Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), present.Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.All(files, f => Assert.True(SameBytes(f, Path.Combine(project, label, Path.GetFileName(f))), f));
        }
    }

    // Files under the class folders that a dataset reader lists: hidden temporary files are not photos.
    private static IEnumerable<string> VisiblePhotos(string project) =>
        Classes.SelectMany(c => Directory.GetFiles(Path.Combine(project, c))).Where(f => !Path.GetFileName(f).StartsWith('.'));

    private static bool SameBytes(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));

    [GeneratedRegex(@"mentor: studio for .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
