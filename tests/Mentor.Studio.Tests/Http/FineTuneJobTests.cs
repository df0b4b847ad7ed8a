using System.Security.Cryptography;
using Mentor.Models;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;
using Mentor.Training.Tuning;

namespace Mentor.Studio.Tests.Http;

/// <summary>Fine-tuning as a background job over HTTP: its curve in the status, cancel keeping the last model, and the fine-tuned model file.</summary>
public sealed class FineTuneJobTests
{
    private static readonly string[] Classes = ["dress", "hat", "shoes"];

    [Fact]
    public async Task A_cancelled_fine_tune_keeps_the_last_model_and_a_finished_one_streams_its_epochs_and_writes_a_fine_tuned_model()
    {
        await using var studio = await StudioHost.StartAsync(new StudioOptions { FineTune = new FineTuneOptions { Epochs = 2, Views = 1, Patience = 2 } });
        await studio.FillAsync(Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 10)));
        Assert.Equal("done", (await studio.TrainAsync()).GetProperty("state").GetString());
        var model = Path.Combine(studio.Root, ".mentor-studio", "model.onnx");
        var frozen = SHA256.HashData(File.ReadAllBytes(model));
        var report = (await studio.GetJsonAsync("/api/report")).GetProperty("finished").GetString();

        // Cancelled once it is fine-tuning: the job ends as cancelled, and the model and report are the frozen run's.
        var run = (await StudioHost.ReadAsync(await studio.Client.PostAsync("/api/train?fineTune=true", null))).GetProperty("run").GetInt32();
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            while ((await studio.GetJsonAsync("/api/project")).GetProperty("training").GetProperty("phase").GetString() != "fine-tune")
                await Task.Delay(100, limit.Token);
        }
        Assert.Equal(202, (int)(await studio.Client.PostAsync("/api/train/cancel", null)).StatusCode);
        var cancelled = await studio.WaitForRunAsync(run);
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal(frozen, SHA256.HashData(File.ReadAllBytes(model)));
        Assert.Equal(report, (await studio.GetJsonAsync("/api/report")).GetProperty("finished").GetString());
        Assert.Equal(409, (int)(await studio.Client.PostAsync("/api/train/cancel", null)).StatusCode); // nothing runs now

        // Run to the end: every epoch reaches the status (the page's curve), and the model file holds the fine-tuned backbone.
        var done = await studio.TrainAsync(TimeSpan.FromMinutes(10), "/api/train?fineTune=true");
        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.True(done.GetProperty("fineTune").GetBoolean());
        var epochs = done.GetProperty("epochs").EnumerateArray().ToList();
        Assert.Equal([1, 2], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.All(epochs, e => Assert.InRange(e.GetProperty("validationAccuracy").GetDouble(), 0, 1));
        Assert.Single(epochs, e => e.GetProperty("best").GetBoolean() && e.GetProperty("epoch").GetInt32() == epochs.Where(x => x.GetProperty("best").GetBoolean()).Max(x => x.GetProperty("epoch").GetInt32()));
        using var classifier = ImageClassifier.Load(model);
        Assert.NotNull(classifier.Metadata.Training["fineTune"]);
        Assert.NotEqual(frozen, SHA256.HashData(File.ReadAllBytes(model)));

        // int8 quantises the stock backbone, so a fine-tuned model is refused with the reason.
        var int8 = await studio.Client.GetAsync("/api/export/model?precision=int8");
        Assert.Equal(409, (int)int8.StatusCode);
        Assert.Contains("fine-tuned", (await StudioHost.ReadAsync(int8)).GetProperty("error").GetProperty("message").GetString());
    }
}
