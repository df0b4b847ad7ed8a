using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads;
using Mentor.Models;
using Mentor.Training.Tuning;

namespace Mentor.Training.Tests.Tuning;

/// <summary>Fine-tuning on real photos: it beats the head on frozen features, repeats itself, and exports what it trained.</summary>
[Collection(LibtorchCollection.Name)]
public class FineTunerTests(FineTuneFixture run) : IClassFixture<FineTuneFixture>
{
    [Fact]
    public void A_short_fine_tune_beats_the_head_on_frozen_features_on_validation()
    {
        // Given the short run on the ten hand signs
        var tuned = run.Trained.FineTuned!;

        // Then it kept the mean weights of the epochs in the second half of the decay, the last two
        Assert.Equal([4, 5], tuned.AveragedEpochs);
        Assert.Equal(5, tuned.BestEpoch);
        Assert.Equal("epochs 4-5 averaged", tuned.KeptWeights);
        // And they classify more validation photos right than the head on frozen features did
        Assert.True(run.Trained.Validation!.Metrics!.Accuracy > tuned.InitialValidationAccuracy,
            $"validation accuracy {run.Trained.Validation.Metrics.Accuracy:F4} after fine-tuning, {tuned.InitialValidationAccuracy:F4} before");
        Assert.All(tuned.Epochs, e => Assert.True(e.ImagesPerSecond > 0 && double.IsFinite(e.TrainLoss)));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_model()
    {
        // Given a second run with the same seed and settings
        var again = await new ClassifierTrainer(run.Options).FitAsync(run.Photos.Train, run.Photos.Validation);

        // Then the plan chosen from the data is the same, with the same evidence
        var (first, second) = (run.Trained.FineTuned!, again.FineTuned!);
        Assert.True(first.Plan.StagesChosen && first.Plan.CropChosen);
        Assert.Equal((first.Plan.Stages, first.Plan.MinCrop), (second.Plan.Stages, second.Plan.MinCrop));
        Assert.Equal(first.Plan.StageProbe, second.Plan.StageProbe);
        Assert.Equal(first.Plan.CropProbe, second.Plan.CropProbe);
        // And every epoch's figures and the trained weights are identical
        Assert.Equal(first.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)), second.Epochs.Select(e => (e.TrainLoss, e.ValidationLoss)));
        Assert.Equal(first.Backbone, second.Backbone);
        Assert.Equal(((LinearHead)run.Trained.Head).Weights.ToArray(), ((LinearHead)again.Head).Weights.ToArray());
    }

    [Fact]
    public void The_exported_model_agrees_with_the_trained_one()
    {
        // Given the fine-tuned classifier written as one ONNX file
        var path = Path.Combine(run.Cache, "tuned.onnx");
        run.Trained.Save(path);

        // When ONNX Runtime runs it on the validation photos
        using var classifier = ImageClassifier.Load(path);
        var photos = run.Trained.Validation!;
        var paths = Directory.GetFiles(run.Photos.Validation, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var exported = paths.Select(p => classifier.PredictProbabilities(File.ReadAllBytes(p), p)).ToList();

        // Then it gives the in-memory model's probabilities (same top-1 for every photo)
        var inMemory = run.Trained.FineTuned!.ValidationProbabilities!;
        Assert.Equal(photos.Images, exported.Count);
        for (var i = 0; i < exported.Count; i++)
        {
            Assert.Equal(ArgMax(inMemory[i]), ArgMax(exported[i]));
            Assert.Equal(inMemory[i], exported[i], (a, b) => Math.Abs(a - b) < 1e-3);
        }
        // And its metadata records the fine-tuning and names the fine-tuned backbone
        var tuned = run.Trained.FineTuned!;
        var recorded = classifier.Metadata.Training["fineTune"]!;
        Assert.Equal(tuned.BestEpoch, (int)recorded["bestEpoch"]!);
        Assert.Equal(tuned.AveragedEpochs, recorded["averagedEpochs"]!.AsArray().Select(e => (int)e!));
        // And the plan the data chose: the stages and the crop, and that they were chosen
        Assert.Equal(tuned.Plan.Stages, (int)recorded["stages"]!);
        Assert.Equal(tuned.Plan.MinCrop, (double)recorded["minCrop"]!);
        Assert.True((bool)recorded["stagesChosen"]! && (bool)recorded["cropChosen"]!);
        Assert.StartsWith("resnet18:fine-tuned:sha256:", classifier.Metadata.BackboneIdentity, StringComparison.Ordinal);
        // And the precision the epochs ran in: by default bfloat16 exactly where this CPU computes it natively
        Assert.Equal(BFloat16Support.IsNative ? FineTunePrecision.BFloat16 : FineTunePrecision.Float32, run.Trained.FineTuned.Precision);
        Assert.Equal(BFloat16Support.IsNative ? "bf16" : "fp32", (string)classifier.Metadata.Training["fineTune"]!["precision"]!);
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());
}
