using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads;
using Mentor.Models;
using Mentor.Tests.Support;
using Mentor.Training;

namespace Mentor.Tests.Training;

[Collection(BackboneCollection.Name)]
public sealed class ClassifierTrainerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The README's library example: folder to trained classifier to prediction, in a few lines.</summary>
    [Fact]
    public async Task The_library_goes_from_a_folder_to_a_prediction_in_a_few_lines()
    {
        var folder = _temp.MakeDataset("photos", new Dictionary<string, IReadOnlyList<string>>
        {
            ["pants"] = SharedData.Clothing("train", "pants", 8),
            ["shoes"] = SharedData.Clothing("train", "shoes", 8),
        });
        var photo = SharedData.Clothing("test", "shoes", 1)[0];

        var trained = await new ClassifierTrainer(new ClassifierTrainingOptions { CacheDirectory = _temp.Combine("cache") }).FitAsync(folder);
        trained.Save(_temp.Combine("model.onnx"));
        using var classifier = ImageClassifier.Load(_temp.Combine("model.onnx"));
        var top = classifier.Predict(photo);

        Assert.Equal("shoes", top[0].Label);
        Assert.True(top[0].Probability > 0.5f);
        Assert.Equal(FeatureTransform.Sqrt, trained.Head.Transform);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_split_and_model()
    {
        var folder = _temp.MakeDataset("photos", new Dictionary<string, IReadOnlyList<string>>
        {
            ["dress"] = SharedData.Clothing("train", "dress", 10),
            ["hat"] = SharedData.Clothing("train", "hat", 10),
        });
        var options = new ClassifierTrainingOptions { CacheDirectory = _temp.Combine("cache"), ValidationFraction = 0.3, Seed = 7 };

        var first = await new ClassifierTrainer(options).FitAsync(folder);
        var second = await new ClassifierTrainer(options).FitAsync(folder);

        var linearA = Assert.IsType<LinearHead>(first.Head);
        var linearB = Assert.IsType<LinearHead>(second.Head);
        Assert.Equal(linearA.Weights.ToArray(), linearB.Weights.ToArray());
        Assert.Equal(6, first.Validation!.Images);
        Assert.Equal(first.Validation.Metrics!.Accuracy, second.Validation!.Metrics!.Accuracy);
    }
}
