using Mentor.AspNetCore;
using Mentor.Models;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mentor.Server.Tests.AspNetCore;

public sealed class BatchedClassifierTests(TwoModels models) : IClassFixture<TwoModels>, IDisposable
{
    private readonly string _folder = Path.Combine(models.Folder, Guid.NewGuid().ToString("N"));

    private static readonly MentorClassifierOptions Quick = new() { ReloadDelay = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Concurrent_predictions_agree_with_the_model_loaded_alone()
    {
        using var classifier = new BatchedClassifier(models.Four, Quick);
        using var alone = ImageClassifier.Load(models.Four);
        var answers = await Task.WhenAll(models.Photos.Select(p => classifier.PredictAsync(File.ReadAllBytes(p), top: 2)));
        for (var i = 0; i < models.Photos.Count; i++)
        {
            var expected = alone.Predict(models.Photos[i], top: 2);
            Assert.Equal(expected.Select(s => s.Label), answers[i].Select(s => s.Label));
            Assert.Equal(expected[0].Probability, answers[i][0].Probability, 4);
        }
        Assert.True(classifier.Statistics.Images >= models.Photos.Count);
    }

    [Fact]
    public async Task An_atomically_replaced_file_is_reloaded_and_calls_in_flight_finish_on_the_old_model()
    {
        var path = Copy(models.Four);
        using var classifier = new BatchedClassifier(path, Quick);
        Assert.Equal(4, classifier.Labels.Count);
        var photo = File.ReadAllBytes(models.Photos[0]);

        // Calls running while the file is replaced all complete (none sees a disposed session).
        var inFlight = Enumerable.Range(0, 40).Select(_ => classifier.PredictAsync(photo)).ToList();
        TwoModels.Replace(path, models.Three);
        await WaitAsync(() => classifier.Reloads == 1);
        var answers = await Task.WhenAll(inFlight);
        Assert.All(answers, a => Assert.NotEmpty(a));

        Assert.Equal(TwoModels.ThreeLabels, classifier.Labels);
        var after = await classifier.PredictAsync(photo, top: 5);
        Assert.Equal(3, after.Count); // the new model answers: three labels
        Assert.Equal(HealthStatus.Healthy, (await Health(classifier)).Status);
    }

    [Fact]
    public async Task A_replacement_that_cannot_be_loaded_keeps_the_old_model_answering_and_degrades_health()
    {
        var path = Copy(models.Four);
        using var classifier = new BatchedClassifier(path, Quick);
        var broken = Path.Combine(_folder, "broken.onnx");
        File.WriteAllBytes(broken, File.ReadAllBytes(models.Four)[..4096]); // truncated
        TwoModels.Replace(path, broken);
        await WaitAsync(() => classifier.ReloadError is not null);

        Assert.Equal(0, classifier.Reloads);
        Assert.Contains(path, classifier.ReloadError, StringComparison.Ordinal);
        Assert.Equal(4, (await classifier.PredictAsync(File.ReadAllBytes(models.Photos[0]), top: 9)).Count);
        var health = await Health(classifier);
        Assert.Equal(HealthStatus.Degraded, health.Status);

        TwoModels.Replace(path, models.Three); // a good file again: healthy, new model
        await WaitAsync(() => classifier.Reloads == 1);
        Assert.Equal(HealthStatus.Healthy, (await Health(classifier)).Status);
    }

    [Fact]
    public void A_bad_file_at_start_fails_with_one_line_naming_it()
    {
        var path = Path.Combine(_folder, "missing.onnx");
        Directory.CreateDirectory(_folder);
        var error = Assert.ThrowsAny<MentorException>(() => new BatchedClassifier(path, Quick));
        Assert.Contains("missing.onnx", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private string Copy(string model)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "model.onnx");
        File.Copy(model, path);
        return path;
    }

    private static Task<HealthCheckResult> Health(BatchedClassifier classifier) =>
        new MentorClassifierHealthCheck(classifier).CheckHealthAsync(new HealthCheckContext());

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the file change was not picked up within 60 s");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
