using Mentor.Training.Tuning;

namespace Mentor.Training.Tests.Tuning;

/// <summary>
/// One short fine-tuning run on the ten hand signs (20 training, 10 validation photos each: ImageNet features fit them
/// less well than clothes, so fine-tuning has something to gain), shared by the tests that inspect it; features and
/// prepared backbones go to a private cache folder.
/// </summary>
public sealed class FineTuneFixture : IAsyncLifetime
{
    internal PhotoFolders Photos { get; } = new(trainPerClass: 20, validationPerClass: 10);

    public string Cache { get; } = Path.Combine(Path.GetTempPath(), $"mentor-tuning-cache-{Guid.NewGuid():N}");

    public ClassifierTrainingOptions Options => new()
    {
        CacheDirectory = Cache,
        // Five epochs: one for the head alone, then a cosine whose second half (epochs 4 and 5) is averaged.
        FineTune = new FineTuneOptions { Epochs = 5, Views = 2, BatchSize = 16, Patience = 5 },
    };

    public TrainedClassifier Trained { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Trained = await new ClassifierTrainer(Options).FitAsync(Photos.Train, Photos.Validation);

    public Task DisposeAsync()
    {
        Photos.Dispose();
        try { Directory.Delete(Cache, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
