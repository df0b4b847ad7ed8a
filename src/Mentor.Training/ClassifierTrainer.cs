using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Data;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Models;
using Mentor.Quantization;
using Mentor.Training.Heads;

namespace Mentor.Training;

/// <summary>
/// Folder of labelled photos in, trained classifier out: featurises the splits through the backbone (cached),
/// fits the head on the training features, and measures it on the validation and test features.
/// The constructor only stores the options; <see cref="FitAsync"/> does the work.
/// </summary>
public sealed class ClassifierTrainer(ClassifierTrainingOptions? options = null)
{
    public ClassifierTrainingOptions Options { get; } = options ?? new ClassifierTrainingOptions();

    /// <summary>Trains on <paramref name="trainDirectory"/>; validation and test each from their own folder, split off, or none.</summary>
    public async Task<TrainedClassifier> FitAsync(string trainDirectory, string? validationDirectory = null, string? testDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trainDirectory);
        var clock = Stopwatch.StartNew();
        var train = ImageFolderDataset.Open(trainDirectory);
        ImageFolderDataset? test = null;
        if (testDirectory is not null)
            test = Relabel(ImageFolderDataset.Open(testDirectory, minimumClasses: 1), train.Labels);
        else if (Options.TestFraction > 0)
            (train, test) = StratifiedSplit.Split(train, Options.TestFraction, Options.Seed);
        ImageFolderDataset? validation = null;
        if (validationDirectory is not null)
            validation = Relabel(ImageFolderDataset.Open(validationDirectory, minimumClasses: 1), train.Labels);
        else if (Options.ValidationFraction > 0)
            (train, validation) = StratifiedSplit.Split(train, Options.ValidationFraction, Options.Seed + 1);

        var (spec, identity, preprocessing, features) = await FeaturiseAll([train, validation, test], progress, cancellation).ConfigureAwait(false);
        var (trainFeatures, validationFeatures, testFeatures) = (features[0]!, features[1], features[2]);

        progress?.Report(new TrainingProgress("fit", null));
        var fitClock = Stopwatch.StartNew();
        var (head, chosen) = FitHead(trainFeatures, validationFeatures, train.Labels.Count);
        var fitSeconds = fitClock.Elapsed.TotalSeconds;

        return new TrainedClassifier(
            spec, identity, preprocessing, head, train.Labels, Options, chosen,
            Summarise("train", train, trainFeatures, null),
            validation is null ? null : Summarise("validation", validation, validationFeatures!, head),
            test is null ? null : Summarise("test", test, testFeatures!, head),
            fitSeconds, clock.Elapsed.TotalSeconds);
    }

    private (ClassifierHead Head, string Chosen) FitHead(DatasetFeatures train, DatasetFeatures? validation, int classCount)
    {
        var transform = Options.Transform;
        var trainRows = Transformed(train, transform);
        if (Options.Head == HeadKind.Knn)
        {
            var knn = new KnnTrainer(new KnnOptions { Seed = Options.Seed }).Fit(trainRows, train.Targets, classCount);
            return (new KnnHead(knn.Features.Span, knn.Labels.Span, knn.ClassCount, knn.K, transform), $"k={knn.K}");
        }
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { Seed = Options.Seed, Balance = Options.Balance });
        var linear = validation is null
            ? trainer.Fit(trainRows, train.Targets, classCount)
            : trainer.Fit(trainRows, train.Targets, classCount, Transformed(validation, transform), validation.Targets);
        return (new LinearHead(linear.Weights.Span, linear.Bias.Span, transform), FormattableString.Invariant($"C={linear.C:G4}"));
    }

    private static float[][] Transformed(DatasetFeatures features, FeatureTransform transform) =>
        transform == FeatureTransform.None ? features.Features : features.Features.Select(f => ClassifierHead.Apply(transform, f)).ToArray();

    // The backbone's session lives only while featurising, so its memory is given back before the head is fitted.
    private async Task<(BackboneSpec, string, PreprocessingSpec, DatasetFeatures?[])> FeaturiseAll(ImageFolderDataset?[] splits,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        // int8: calibrated on the training split only (never on held-out photos).
        var calibration = Options.Int8 ? CalibrationSet.Sample(splits[0]!.Images.Select(i => i.Path), Options.CalibrationPhotos, Options.Seed) : null;
        if (calibration is not null) progress?.Report(new TrainingProgress("calibrate", null));
        using var backbone = Backbone.Load(Options.Backbone, BackboneOptions.Default with
        {
            Resize = Options.Resize, CacheDirectory = Options.CacheDirectory, Int8 = Options.Int8, Calibration = calibration,
        });
        var cache = Options.UseCache ? new FeatureCache(Options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory) : null;
        var extractor = new FeatureExtractor(backbone, cache, ExtractionOptions.Default with { BatchSize = Options.BatchSize });
        string[] phases = ["train", "validation", "test"];
        var features = new DatasetFeatures?[splits.Length];
        for (var i = 0; i < splits.Length; i++)
            if (splits[i] is { } split) features[i] = await Featurise(extractor, phases[i], split, progress, cancellation).ConfigureAwait(false);
        return (backbone.Spec, backbone.Identity, backbone.Preprocessing, features);
    }

    private async Task<DatasetFeatures> Featurise(FeatureExtractor extractor, string phase, ImageFolderDataset dataset,
        IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var forward = progress is null ? null : new Forward(p => progress.Report(new TrainingProgress(phase, p)));
        return await extractor.ExtractAsync(dataset, Options.Strict, forward, cancellation).ConfigureAwait(false);
    }

    // A held-out folder's classes must be the training classes (or some of them), indexed the same way.
    private static ImageFolderDataset Relabel(ImageFolderDataset dataset, IReadOnlyList<string> trainLabels)
    {
        var map = LabelMapping.ToModelLabels(dataset, trainLabels);
        return new ImageFolderDataset(dataset.Root, trainLabels, dataset.Images.Select(i => i with { Label = map[i.Label] }).ToList());
    }

    private static SplitSummary Summarise(string name, ImageFolderDataset dataset, DatasetFeatures features, ClassifierHead? head) =>
        new(name, dataset.Root, features.Count, features.Extraction.CacheHits, features.Extraction.Skipped,
            head is null ? null : ClassificationMetrics.Compute(features.Targets, head.PredictProbabilities(features.Features), dataset.Labels));

    private sealed class Forward(Action<ExtractionProgress> report) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => report(value);
    }
}
