using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Data;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Heads;
using Mentor.Heads.Logistic;
using Mentor.Training.Heads;
using Mentor.Training.Tuning;

namespace Mentor.Training;

/// <summary>
/// Folder of labelled photos in, trained classifier out: featurises the splits through the backbone (cached),
/// fits the head on the training features, and measures it on the validation and test features.
/// The constructor only stores the options; <c>FitAsync</c> does the work.
/// </summary>
/// <param name="options">The settings of every run; null: the defaults.</param>
public sealed class ClassifierTrainer(ClassifierTrainingOptions? options = null)
{
    /// <summary>The options every fit uses (defaults when none were given).</summary>
    public ClassifierTrainingOptions Options { get; } = options ?? new ClassifierTrainingOptions();

    /// <summary>Trains on <paramref name="trainDirectory"/>; validation and test each from their own folder, split off, or none.</summary>
    /// <param name="trainDirectory">An image folder: one subfolder of photos per class.</param>
    /// <param name="validationDirectory">Validation photos in the same layout; null: a share of the training photos split off (<see cref="ClassifierTrainingOptions.ValidationFraction"/>), or none.</param>
    /// <param name="testDirectory">Test photos in the same layout; null: a share split off (<see cref="ClassifierTrainingOptions.TestFraction"/>), or none.</param>
    /// <param name="progress">Told of featurising and fitting progress, or null.</param>
    /// <param name="cancellation">Stops the run; features already computed stay cached.</param>
    /// <returns>The trained classifier with its metrics; <see cref="TrainedClassifier.Save"/> writes the model file.</returns>
    /// <exception cref="Data.DatasetException">A folder is missing, empty, has fewer than two classes, or holds classes the training folder lacks.</exception>
    /// <exception cref="TrainingDataException">The photos cannot be learnt from; the message names the fix.</exception>
    public async Task<TrainedClassifier> FitAsync(string trainDirectory, string? validationDirectory = null, string? testDirectory = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trainDirectory);
        var train = ImageFolderDataset.Open(trainDirectory);
        ImageFolderDataset? test = null;
        if (testDirectory is not null)
            test = Relabel(ImageFolderDataset.Open(testDirectory, minimumClasses: 1), train.Labels);
        else if (Options.TestFraction > 0)
            (train, test) = StratifiedSplit.Split(train, Options.TestFraction, Options.SplitSeed ?? Options.Seed);
        ImageFolderDataset? validation = null;
        if (validationDirectory is not null)
            validation = Relabel(ImageFolderDataset.Open(validationDirectory, minimumClasses: 1), train.Labels);
        else if (ValidationFraction > 0)
            (train, validation) = StratifiedSplit.Split(train, ValidationFraction, (Options.SplitSeed ?? Options.Seed) + 1);
        return await FitAsync(train, validation, test, progress, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Trains on <paramref name="train"/> and measures on <paramref name="validation"/> and <paramref name="test"/>, already
    /// split and labelled as <paramref name="train"/> is (the options' fractions are not applied).
    /// </summary>
    public async Task<TrainedClassifier> FitAsync(ImageFolderDataset train, ImageFolderDataset? validation, ImageFolderDataset? test,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (Options.FineTune is not null && (Options.Int8 || Options.Head != LinearHead.Name))
            throw new FineTuneConflictException(Options.Int8, Options.Head);
        if (Options.FineTune is not null && validation is null)
            throw new TrainingDataException("Fine-tuning chooses its epoch on validation photos: pass a validation split.");
        var clock = Stopwatch.StartNew();
        // libtorch loads while the features are read or extracted (a second on a warm re-train).
        var torchWarm = Task.Run(TorchRuntime.WarmUp, cancellation);
        var (spec, identity, preprocessing, features) = await SplitFeaturizer.RunAsync(Options, [train, validation, test], ["train", "validation", "test"], progress, cancellation)
            .ConfigureAwait(false);
        var (trainFeatures, validationFeatures, testFeatures) = (features[0]!, features[1], features[2]);

        progress?.Report(new TrainingProgress("fit", null));
        await torchWarm.ConfigureAwait(false);
        var fitClock = Stopwatch.StartNew();
        var (head, chosen) = FitHead(trainFeatures, validationFeatures, train.Labels.Count);
        var fitSeconds = fitClock.Elapsed.TotalSeconds;

        if (Options.FineTune is { } fineTune)
        {
            var tuned = await new FineTuner(fineTune, Options.Seed).RunAsync(spec, Options.Resize, (LinearHead)head, trainFeatures, validationFeatures!, testFeatures,
                progress is null ? null : new Forward<FineTuneProgress>(p => progress.Report(new TrainingProgress("fine-tune", p.Extraction, p))),
                cancellation).ConfigureAwait(false);
            return new TrainedClassifier(
                spec, FineTunedIdentity(spec, tuned), preprocessing, tuned.Head, train.Labels, Options, chosen,
                Summarise("train", train, trainFeatures, null),
                Summarise("validation", validation!, validationFeatures!, tuned.ValidationProbabilities),
                test is null ? null : Summarise("test", test, testFeatures!, tuned.TestProbabilities!),
                fitSeconds, clock.Elapsed.TotalSeconds, tuned);
        }
        return new TrainedClassifier(
            spec, identity, preprocessing, head, train.Labels, Options, chosen,
            Summarise("train", train, trainFeatures, null),
            validation is null ? null : Summarise("validation", validation, validationFeatures!, head.PredictProbabilities(validationFeatures!.Features)),
            test is null ? null : Summarise("test", test, testFeatures!, head.PredictProbabilities(testFeatures!.Features)),
            fitSeconds, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Fits the head on features computed beforehand (e.g. merged Parquet shards, see <see cref="Sharding.ShardTraining"/>): no image
    /// is read. <paramref name="backbone"/>, <paramref name="identity"/> and <paramref name="preprocessing"/> must be what made them.
    /// </summary>
    public TrainedClassifier Fit(BackboneModel backbone, string identity, PreprocessingSpec preprocessing,
        Sharding.FeatureSplit train, Sharding.FeatureSplit? validation = null, Sharding.FeatureSplit? test = null, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        progress?.Report(new TrainingProgress("fit", null));
        var clock = Stopwatch.StartNew();
        var (head, chosen) = FitHead(train.Features, validation?.Features, train.Dataset.Labels.Count);
        return new TrainedClassifier(
            backbone, identity, preprocessing, head, train.Dataset.Labels, Options, chosen,
            Summarise("train", train.Dataset, train.Features, null),
            validation is null ? null : Summarise("validation", validation.Dataset, validation.Features, head.PredictProbabilities(validation.Features.Features)),
            test is null ? null : Summarise("test", test.Dataset, test.Features, head.PredictProbabilities(test.Features.Features)),
            clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds);
    }

    private FittedHead FitHead(DatasetFeatures train, DatasetFeatures? validation, int classCount)
    {
        var data = new HeadTrainingData(train.Features, train.Targets, classCount)
        {
            ValidationFeatures = validation?.Features,
            ValidationTargets = validation?.Targets,
            Transform = Options.Transform,
            Seed = Options.Seed,
            Balance = Options.Balance,
            KnownSetting = Options.HeadSetting,
        };
        var kind = HeadRegistry.Get(Options.Head);
        // A warm re-run on the same features fits with the setting its first run searched (same data, same choice).
        var memo = Options.UseCache && Options.HeadSetting is null ? new HeadSettingMemo(Options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory) : null;
        if (memo?.TryGet(Options.Head, data) is { } remembered) return kind.Fit(data with { KnownSetting = remembered });
        var fitted = kind.Fit(data);
        memo?.Put(Options.Head, data, fitted.Chosen);
        return fitted;
    }

    // Fine-tuning needs validation photos to choose its epoch: hold out 10% when none were asked for.
    private double ValidationFraction => Options.FineTune is not null && Options.ValidationFraction == 0 ? 0.1 : Options.ValidationFraction;

    private static string FineTunedIdentity(BackboneModel backbone, FineTuneResult tuned) => BackboneIdentity.FineTuned(backbone.Spec, tuned.Backbone);

    // A held-out folder's classes must be the training classes (or some of them), indexed the same way.
    internal static ImageFolderDataset Relabel(ImageFolderDataset dataset, IReadOnlyList<string> trainLabels)
    {
        var map = LabelMapping.ToModelLabels(dataset, trainLabels);
        return new ImageFolderDataset(dataset.Root, trainLabels, dataset.Images.Select(i => i with { Label = map[i.Label] }).ToList());
    }

    private static SplitSummary Summarise(string name, ImageFolderDataset dataset, DatasetFeatures features, float[][]? probabilities) =>
        new(name, dataset.Root, features.Count, features.Extraction.CacheHits, features.Extraction.Skipped,
            probabilities is null ? null : ClassificationMetrics.Compute(features.Targets, probabilities, dataset.Labels),
            probabilities is null ? null : features.Paths, probabilities);

}
