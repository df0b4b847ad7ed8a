using System.Diagnostics;
using Mentor.Models;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;
using Xunit.Abstractions;

namespace Mentor.Studio.Tests.Http;

/// <summary>Training over HTTP on real photos: the held-out split, the figures, relabelling a mistake, the live model and the exported file.</summary>
public sealed class TrainingTests(ITestOutputHelper output)
{
    private static readonly string[] Classes = ["dress", "hat", "shoes"];

    [Fact]
    public async Task Training_holds_out_a_stratified_split_reports_it_and_the_exported_model_agrees_with_the_live_one()
    {
        await using var studio = await StudioHost.StartAsync();
        await studio.FillAsync(Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 10)));

        // While it trains, the page's calls keep answering (measured and printed, not asserted: timings belong in bench/).
        var train = studio.TrainAsync();
        var latencies = new List<double>();
        while (!train.IsCompleted)
        {
            var clock = Stopwatch.StartNew();
            using (var response = await studio.Client.GetAsync("/api/project")) response.EnsureSuccessStatusCode();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(50);
        }
        var status = await train;
        latencies.Sort();
        output.WriteLine($"GET /api/project during training: {latencies.Count} calls, p50 {latencies[latencies.Count / 2]:F1} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:F1} ms, max {latencies[^1]:F1} ms");

        Assert.Equal("done", status.GetProperty("state").GetString());
        var report = await studio.GetJsonAsync("/api/report");
        Assert.Equal(24, report.GetProperty("trainPhotos").GetInt32());
        Assert.Equal(6, report.GetProperty("heldOutPhotos").GetInt32()); // 2 of each class's 10
        Assert.Equal(Classes, report.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var confusion = report.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt32()).ToArray()).ToArray();
        Assert.All(confusion, row => Assert.Equal(2, row.Sum()));
        var accuracy = report.GetProperty("accuracy").GetDouble();
        Assert.Equal(Enumerable.Range(0, 3).Sum(i => confusion[i][i]) / 6.0, accuracy, 6);
        Assert.True(accuracy >= 0.8, $"accuracy {accuracy} on dress/hat/shoes");

        // The live model and the downloaded file give the same answer for a photo the model never saw.
        var photo = SharedData.Clothing("test", "hat", 1)[0];
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(photo));
        var live = await StudioHost.ReadAsync(await studio.Client.PostAsync("/api/predict", content));
        var file = Path.Combine(Path.GetDirectoryName(studio.Root)!, "downloaded.onnx");
        await File.WriteAllBytesAsync(file, await studio.Client.GetByteArrayAsync("/api/export/model"));
        using var classifier = ImageClassifier.Load(file);
        var top = classifier.Predict(photo, top: 1)[0];
        Assert.Equal("hat", live.GetProperty("top")[0].GetProperty("label").GetString());
        Assert.Equal(top.Label, live.GetProperty("top")[0].GetProperty("label").GetString());
        Assert.Equal(top.Probability, live.GetProperty("top")[0].GetProperty("probability").GetSingle(), 4);
    }

    [Fact]
    public async Task Relabelling_a_photo_moves_it_and_the_next_run_trains_on_the_new_label()
    {
        await using var studio = await StudioHost.StartAsync();
        await studio.FillAsync(Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 6)));
        Assert.Equal("done", (await studio.TrainAsync()).GetProperty("state").GetString());
        var first = await studio.GetJsonAsync("/api/report");
        var held = first.GetProperty("heldOut")[0];

        var moved = await StudioHost.ReadAsync(await studio.Client.PostAsync("/api/photos/move",
            StudioHost.Json(new { @class = held.GetProperty("class").GetString(), name = held.GetProperty("name").GetString(), to = "shoes" })));
        var clock = Stopwatch.StartNew();
        Assert.Equal("done", (await studio.TrainAsync()).GetProperty("state").GetString());
        output.WriteLine($"retraining after one move: {clock.Elapsed.TotalSeconds:F1} s (under load)");

        var second = await studio.GetJsonAsync("/api/report");
        // One photo moved: the head's setting is the first run's, not searched again.
        Assert.True(first.GetProperty("searched").GetBoolean());
        Assert.False(second.GetProperty("searched").GetBoolean());
        Assert.Equal(first.GetProperty("chosen").GetString(), second.GetProperty("chosen").GetString());
        Assert.Equal(18, second.GetProperty("searchedOnPhotos").GetInt32());
        Assert.True(File.Exists(Path.Combine(studio.Root, "shoes", moved.GetProperty("name").GetString()!)));
        Assert.Equal(18, second.GetProperty("trainPhotos").GetInt32() + second.GetProperty("heldOutPhotos").GetInt32());
        Assert.Equal(18, second.GetProperty("cacheHits").GetInt32()); // every feature from the cache: only the head is refitted
        var shoes = second.GetProperty("perClass").EnumerateArray().Single(c => c.GetProperty("label").GetString() == "shoes");
        Assert.Equal(1, shoes.GetProperty("support").GetInt32()); // round(7 * 0.2) held out
        var state = await File.ReadAllTextAsync(Path.Combine(studio.Root, ".mentor-studio", "state.json"));
        Assert.Contains("\"lastTraining\"", state);
    }

    [Fact]
    public async Task Training_a_project_with_an_empty_class_fails_with_a_message_naming_it()
    {
        await using var studio = await StudioHost.StartAsync(new StudioOptions { BackgroundFeatures = false });
        await studio.FillAsync(new Dictionary<string, IReadOnlyList<string>> { ["hat"] = SharedData.Clothing("train", "hat", 3), ["shoes"] = SharedData.Clothing("train", "shoes", 3), ["empty"] = [] });

        var status = await studio.TrainAsync();

        Assert.Equal("failed", status.GetProperty("state").GetString());
        Assert.Contains("'empty' has no files", status.GetProperty("message").GetString());
        Assert.Equal(409, (int)(await studio.Client.PostAsync("/api/predict", new ByteArrayContent(File.ReadAllBytes(SharedData.Clothing("train", "hat", 1)[0])))).StatusCode);
    }
}
