using Mentor.Evaluation;
using Mentor.Imaging;
using Mentor.Training.Baselines;
using Mentor.Training.Tests.Tuning;

namespace Mentor.Training.Tests.Baselines;

/// <summary>The small CNN trained from scratch learns from real photos within a short budget, and reports what it chose.</summary>
[Collection(LibtorchCollection.Name)]
public class SmallCnnBaselineTests
{
    private static readonly string[] Classes = ["hat", "pants", "shoes"];

    [Fact]
    public async Task A_short_run_on_three_kinds_of_garment_beats_chance_on_held_out_photos()
    {
        // Given 40 training, 10 validation and 15 test photos of each of three garments (real photos, read in place)
        var (train, trainTargets) = Photos("train", skip: 0, take: 40);
        var (validation, validationTargets) = Photos("train", skip: 40, take: 10);
        var (test, testTargets) = Photos("test", skip: 0, take: 15);

        // When the baseline trains from random weights at 32 pixels (cheap, and enough to tell these shapes apart) for at
        // most 15 epochs (a budget no loaded machine runs out of first)
        var result = await new SmallCnnBaseline(budgetSeconds: 1800, Augmentation.Default, seed: 7, maxEpochs: 15, sides: [32]).RunAsync(train, trainTargets, validation, validationTargets, test,
            Classes.Length, progress: null, CancellationToken.None);

        // Then the kept epoch classifies the test photos well above chance (1/3)
        var accuracy = (double)testTargets.Where((t, i) => ClassificationMetrics.ArgMax(result.TestProbabilities[i]) == t).Count() / testTargets.Length;
        Assert.True(accuracy > 0.5, $"test accuracy {accuracy:F3} after {result.Epochs.Count} epochs at {result.Side} px, learning rate {result.LearningRate:G3}");
        // And it ran several epochs, at the side given and a learning rate it chose
        Assert.InRange(result.Epochs.Count, 3, 15);
        Assert.Equal(32, result.Side);
        Assert.InRange(result.LearningRate, 1e-4, 1e-2);
        Assert.All(result.Epochs, e => Assert.True(double.IsFinite(e.TrainLoss) && e.ValidationAccuracy is >= 0 and <= 1));
    }

    private static (string[] Paths, int[] Targets) Photos(string split, int skip, int take)
    {
        var photos = Classes.SelectMany((label, index) => Directory.GetFiles(Path.Combine(PhotoFolders.DatasetsRoot, "clothing-small", split, label))
            .Order(StringComparer.Ordinal).Skip(skip).Take(take).Select(path => (path, index))).ToList();
        return ([.. photos.Select(p => p.path)], [.. photos.Select(p => p.index)]);
    }
}
