using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Mentor.Packaging.Tests.Support;
using Xunit.Abstractions;

namespace Mentor.Packaging.Tests;

/// <summary>
/// Fresh projects that take Mentor as packages, exactly as the README shows: the library examples are read from the
/// README, compiled against the packed folder and run on real photos; their answers are compared with the installed
/// mentor tool's.
/// </summary>
[Collection(FeedCollection.Name)]
public sealed class ConsumerTests(PackedFeed feed, ITestOutputHelper output)
{
    [Fact]
    public async Task The_tool_installs_from_the_folder_and_reports_its_version_and_predictions()
    {
        feed.WriteLog(output);
        var version = await Shell.RunAsync(feed.Root, feed.Mentor, ["--version"], TimeSpan.FromMinutes(1));
        // The version of this build (the packages carry the run's own package version; the assemblies keep the build's).
        var built = System.Diagnostics.FileVersionInfo.GetVersionInfo(Path.Combine(Repository.Root, "src", "Mentor.Cli", "bin", "Release", "net10.0", "Mentor.Cli.dll")).ProductVersion;
        Assert.Equal(built, version.Out.Trim());

        var predictions = await CliTop1Async();
        // The tiny model names most held-out test photos right (a stub or a broken model would not).
        var right = predictions.Count(p => Path.GetFileName(Path.GetDirectoryName(p.Key)) == p.Value.Label);
        Assert.True(right >= 6, $"the tool's model named {right} of 8 test photos right");
    }

    [Fact]
    public async Task An_inference_app_predicts_what_the_tool_predicts_and_publishes_without_libtorch()
    {
        var app = feed.NewConsumer("predict");
        await Shell.DotnetAsync(app, "new", "console", "--framework", "net10.0");
        await Shell.DotnetAsync(app, "add", "package", "Mentor", "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeExample.CSharp("Library", 1));
        File.Copy(feed.Model, Path.Combine(app, "model.onnx"));
        var publish = Path.Combine(app, "out");
        await Shell.DotnetAsync(app, "publish", "-c", "Release", "-o", publish);

        var run = await Shell.RunAsync(app, "dotnet", [Path.Combine(publish, "predict.dll"), .. feed.Photos], TimeSpan.FromMinutes(2));
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var cli = await CliTop1Async();
        foreach (var photo in feed.Photos)
        {
            var first = lines.First(l => l.StartsWith(photo + ":", StringComparison.Ordinal)); // best label first
            Assert.Equal($"{photo}: {cli[photo].Label} {cli[photo].Probability.ToString("P1", CultureInfo.InvariantCulture)}", first);
        }

        var (files, megabytes) = PackedFeed.Contents(publish);
        output.WriteLine($"inference-only app published (framework-dependent, portable): {megabytes:0.0} MB, {files.Count} files");
        Assert.DoesNotContain(files, f => f.Contains("torch", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.Contains("DnnImageModels", StringComparison.Ordinal)); // predicting needs no backbone of its own
    }

    [Fact]
    public async Task A_training_app_fits_a_classifier_from_a_folder_and_saves_it()
    {
        var app = feed.NewConsumer("train");
        await Shell.DotnetAsync(app, "new", "console", "--framework", "net10.0");
        await Shell.DotnetAsync(app, "add", "package", "Mentor.Training", "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeExample.CSharp("Library", 0));
        Repository.MakeDataset(Path.Combine(app, "photos", "train"), "train", PackedFeed.Labels, 5);
        Repository.MakeDataset(Path.Combine(app, "photos", "val"), "validation", PackedFeed.Labels, 3);
        // For this machine only: libtorch for every platform would be about 1.5 GB.
        await Shell.DotnetAsync(app, "build", "-c", "Release", "--use-current-runtime", "--self-contained", "false", "-o", Path.Combine(app, "out"));

        var run = await Shell.RunAsync(app, "dotnet", [Path.Combine(app, "out", "train.dll")], TimeSpan.FromMinutes(4), new Dictionary<string, string> { ["MENTOR_CACHE"] = Path.Combine(app, "cache") });
        var accuracy = double.Parse(run.Out.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        Assert.InRange(accuracy, 0.5, 1.0); // 12 validation photos of 4 classes: chance is 0.25
        Assert.True(new FileInfo(Path.Combine(app, "model.onnx")).Length > 1_000_000, "model.onnx was not written");
        Assert.True(File.Exists(Path.Combine(app, "out", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx")), "the backbone did not reach the build output");
    }

    [Fact]
    public async Task An_aspnetcore_app_with_AddMentorClassifier_answers_a_post_with_the_label()
    {
        var app = feed.NewConsumer("web");
        await Shell.DotnetAsync(app, "new", "web", "--framework", "net10.0");
        await Shell.DotnetAsync(app, "add", "package", "Mentor.AspNetCore", "--version", feed.Version);
        File.WriteAllText(Path.Combine(app, "Program.cs"), ReadmeExample.CSharp("ASP.NET Core", 0));
        File.Copy(feed.Model, Path.Combine(app, "model.onnx"));
        await Shell.DotnetAsync(app, "build", "-c", "Release", "-o", Path.Combine(app, "out"));

        var port = FreePort();
        using var server = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet", [Path.Combine(app, "out", "web.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilUpAsync(http, server);
            var cli = await CliTop1Async();
            foreach (var photo in feed.Photos.Take(4))
            {
                using var body = new ByteArrayContent(File.ReadAllBytes(photo));
                body.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                using var response = await http.PostAsync("/predict", body);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                Assert.Equal(cli[photo].Label, answer[0].GetProperty("label").GetString());
            }
            using var health = await http.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    /// <summary>The installed tool's best label and probability per test photo.</summary>
    private async Task<Dictionary<string, (string Label, double Probability)>> CliTop1Async()
    {
        var run = await Shell.RunAsync(feed.Root, feed.Mentor, ["predict", feed.Model, .. feed.Photos, "--top", "1", "--json"], TimeSpan.FromMinutes(2));
        return JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(
            p => p.GetProperty("path").GetString()!,
            p => (p.GetProperty("top")[0].GetProperty("label").GetString()!, p.GetProperty("top")[0].GetProperty("probability").GetDouble()));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, System.Diagnostics.Process server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited) throw new InvalidOperationException($"the app exited {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                using var response = await http.GetAsync("/health");
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        throw new TimeoutException("the app did not answer within a minute");
    }
}
