using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Data;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Heads;
using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Training.Baselines;
using Mentor.Training.Heads;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>
/// Measures transfer learning against training from scratch on one dataset: heads on frozen features at each shot
/// count (seeded stratified samples of the training pool, several repeats), fine-tuning at a few shot counts as
/// <c>train --fine-tune</c> does, and two baselines trained from random weights on all the data, each given the time
/// fine-tuning on all the data took: a small CNN sized for that budget (<see cref="SmallCnnBaseline"/>) and the
/// backbone's own architecture. Every model is measured on the same held-out test photos, which no sample can contain;
/// the claims are measured against the stronger baseline.
/// </summary>
/// <param name="options">The settings of every run; null: the defaults.</param>
public sealed class ComparisonRunner(ComparisonOptions? options = null)
{
    /// <summary>The method name of logistic regression on frozen backbone features.</summary>
    public const string Logistic = "logistic on frozen features";
    /// <summary>The method name of k-nearest neighbours on frozen backbone features.</summary>
    public const string Knn = "k-NN on frozen features";
    /// <summary>The method name of fine-tuning the backbone's last stages with the head.</summary>
    public const string FineTuned = "fine-tuned";
    /// <summary>The method name of the backbone's own architecture trained from random weights.</summary>
    public const string Scratch = "backbone from scratch";
    /// <summary>The method name of a small CNN sized for the budget, trained from random weights (<see cref="Training.Baselines.SmallCnn"/>).</summary>
    public const string SmallCnn = "small CNN from scratch";

    /// <summary>The from-scratch baselines, the strongest of which the claims are measured against.</summary>
    public static IReadOnlyList<string> BaselineMethods { get; } = [SmallCnn, Scratch];

    // AdamW's usual rate, for ResNet-18 from random weights (fine-tuning's gentle rates would handicap it).
    private const double ScratchLearningRate = 1e-3;

    // The budget of each from-scratch run when neither the options nor a fine-tune in the run set it.
    private const double FallbackBudgetSeconds = 4 * 60;

    /// <summary>The options every run uses (defaults when none were given).</summary>
    public ComparisonOptions Options { get; } = options ?? new ComparisonOptions();

    /// <summary>Runs the comparison on <paramref name="dataset"/>: a folder with <c>train/</c> and <c>test/</c> (and optionally <c>validation/</c>), or one image folder to split.</summary>
    public async Task<ComparisonResult> RunAsync(string dataset, IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var clock = Stopwatch.StartNew();
        var (train, validation, test) = OpenSplits(dataset, Options);
        var trainingOptions = new ClassifierTrainingOptions { Backbone = Options.Backbone, Seed = Options.Seed, CacheDirectory = Options.CacheDirectory };
        var (spec, _, _, features) = await SplitFeaturizer.RunAsync(trainingOptions, [train, validation, test], ["train", "validation", "test"], progress, cancellation)
            .ConfigureAwait(false);
        var (trainFeatures, validationFeatures, testFeatures) = (features[0]!, features[1]!, features[2]!);
        var secondsPerPhoto = MeasureBackboneSeconds(spec, trainFeatures.Paths);
        var classes = train.Labels.Count;

        var logistic = new List<ShotRuns>();
        var knn = new List<ShotRuns>();
        ClassifierHead? allDataHead = null;
        foreach (var shots in Options.Shots)
        {
            var repeats = shots is null ? 1 : Options.Repeats;
            var (logisticRuns, knnRuns) = (new List<(double, double)>(), new List<(double, double)>());
            double examples = 0;
            for (var repeat = 0; repeat < repeats; repeat++)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report(new TrainingProgress($"heads: {ShotName(shots)} per class", null));
                var rows = FewShotSampler.Sample(trainFeatures.Targets, classes, shots, Options.Seed + repeat);
                examples = (double)rows.Length / classes;
                var extraction = rows.Length * secondsPerPhoto;
                var (head, seconds) = Fit(LinearHead.Name, trainFeatures, rows, classes, repeat);
                logisticRuns.Add((Accuracy(head, testFeatures), seconds + extraction));
                if (shots is null) allDataHead = head;
                if (shots is { } k && k <= Options.KnnMaxShots)
                {
                    var (knnHead, knnSeconds) = Fit(KnnHead.Name, trainFeatures, rows, classes, repeat);
                    knnRuns.Add((Accuracy(knnHead, testFeatures), knnSeconds + extraction));
                }
            }
            logistic.Add(Runs(shots, examples, logisticRuns));
            if (knnRuns.Count > 0) knn.Add(Runs(shots, examples, knnRuns));
        }

        var budget = Options.BudgetMinutes * 60;
        var methods = new List<MethodRuns> { new(Logistic, logistic) };
        if (knn.Count > 0) methods.Add(new MethodRuns(Knn, knn));
        var curves = new List<NamedCurve>();
        var best = (Method: Logistic, Probabilities: (allDataHead ?? Fit(LinearHead.Name, trainFeatures, FewShotSampler.Sample(trainFeatures.Targets, classes, null, Options.Seed), classes, 0).Head)
            .PredictProbabilities(testFeatures.Features));
        var crop = Imaging.Augmentation.Default;
        if (Options.FineTune)
        {
            var tuned = new List<ShotRuns>();
            foreach (var shots in Options.FineTuneShots)
            {
                var rows = FewShotSampler.Sample(trainFeatures.Targets, classes, shots, Options.Seed);
                var (head, headSeconds) = Fit(LinearHead.Name, trainFeatures, rows, classes, 0);
                // Few-shot runs keep their last epoch: choosing it on 30 validation photos per class would use more labels than the sample has.
                var result = await RunDeep(spec, (LinearHead)head, Subset(trainFeatures, rows), shots is null ? validationFeatures : null, testFeatures, budget, fromScratchWith: null,
                    $"fine-tune: {ShotName(shots)} per class", progress, cancellation).ConfigureAwait(false);
                var accuracy = Accuracy(result.TestProbabilities!, testFeatures.Targets);
                var seconds = result.ViewSeconds + result.TrainingSeconds + headSeconds + rows.Length * secondsPerPhoto;
                tuned.Add(Runs(shots, (double)rows.Length / classes, [(accuracy, seconds)]));
                if (shots is null)
                {
                    curves.Add(new NamedCurve(FineTuned, result.Epochs, new Dictionary<string, double>
                    {
                        ["stages"] = result.Plan.Stages,
                        ["minCrop"] = result.Plan.MinCrop,
                        ["headLearningRate"] = new FineTuneOptions().HeadLearningRate,
                        ["backboneLearningRate"] = new FineTuneOptions().BackboneLearningRate,
                    }));
                    if (accuracy >= Accuracy(best.Probabilities, testFeatures.Targets)) best = (FineTuned, result.TestProbabilities!);
                    // The baselines get what fine-tuning on all the data took, and train with the crop it chose.
                    budget ??= seconds;
                    crop = crop with { MinScale = result.Plan.MinCrop };
                }
            }
            methods.Add(new MethodRuns(FineTuned, tuned));
        }
        if (Options.FromScratch)
        {
            var seconds = budget ?? FallbackBudgetSeconds;
            var rows = FewShotSampler.Sample(trainFeatures.Targets, classes, null, Options.Seed);
            const string phase = "small CNN from scratch: all";
            progress?.Report(new TrainingProgress(phase, null));
            var small = await new SmallCnnBaseline(seconds, crop, Options.Seed).RunAsync(trainFeatures.Paths, trainFeatures.Targets, validationFeatures.Paths,
                validationFeatures.Targets, testFeatures.Paths, classes,
                progress is null ? null : new Forward<FineTuneProgress>(p => progress.Report(new TrainingProgress(phase, p.Extraction, p))), cancellation).ConfigureAwait(false);
            methods.Add(new MethodRuns(SmallCnn,
                [Runs(null, (double)rows.Length / classes, [(Accuracy(small.TestProbabilities, testFeatures.Targets), small.Seconds)])]));
            curves.Add(new NamedCurve(SmallCnn, small.Epochs, new Dictionary<string, double>
            {
                ["side"] = small.Side,
                ["learningRate"] = small.LearningRate,
                ["minCrop"] = crop.MinScale,
            }));

            var zero = new LinearHead(new float[classes * trainFeatures.Features[0].Length], new float[classes]);
            var result = await RunDeep(spec, zero, Subset(trainFeatures, rows), validationFeatures, testFeatures, seconds, fromScratchWith: crop,
                "backbone from scratch: all", progress, cancellation).ConfigureAwait(false);
            methods.Add(new MethodRuns(Scratch,
                [Runs(null, (double)rows.Length / classes, [(Accuracy(result.TestProbabilities!, testFeatures.Targets), result.ViewSeconds + result.TrainingSeconds)])]));
            curves.Add(new NamedCurve(Scratch, result.Epochs, new Dictionary<string, double>
            {
                ["learningRate"] = ScratchLearningRate,
                ["minCrop"] = result.Plan.MinCrop,
            }));
        }

        var metrics = ClassificationMetrics.Compute(testFeatures.Targets, best.Probabilities, train.Labels);
        return new ComparisonResult
        {
            Dataset = Path.GetFullPath(dataset),
            TrainRoot = train.Root,
            TestRoot = test.Root,
            Labels = train.Labels,
            TrainImages = trainFeatures.Count,
            TestImages = testFeatures.Count,
            Methods = methods,
            Curves = curves,
            BestMethod = best.Method,
            BestMetrics = metrics,
            Mistakes = ConfidentMistakes.Find(testFeatures.Paths, best.Probabilities, testFeatures.Targets, train.Labels),
            Claims = ClaimCalculator.From(methods),
            TotalSeconds = clock.Elapsed.TotalSeconds,
        };
    }

    /// <summary>
    /// The training pool every method samples from, the validation photos that steer the deep runs (10% of the pool,
    /// kept out of every sample) and the test photos: <c>dataset/test</c> when there is one, else a seeded stratified split.
    /// </summary>
    internal static (ImageFolderDataset Train, ImageFolderDataset Validation, ImageFolderDataset Test) OpenSplits(string dataset, ComparisonOptions options)
    {
        var trainFolder = Path.Combine(dataset, "train");
        var testFolder = Path.Combine(dataset, "test");
        ImageFolderDataset pool, test;
        if (Directory.Exists(trainFolder) && Directory.Exists(testFolder))
        {
            pool = ImageFolderDataset.Open(trainFolder);
            var tests = ImageFolderDataset.Open(testFolder, minimumClasses: 1);
            var map = LabelMapping.ToModelLabels(tests, pool.Labels);
            test = new ImageFolderDataset(tests.Root, pool.Labels, [.. tests.Images.Select(i => i with { Label = map[i.Label] })]);
        }
        else (pool, test) = StratifiedSplit.Split(ImageFolderDataset.Open(dataset), options.TestFraction, options.Seed);
        var (train, validation) = StratifiedSplit.Split(pool, 0.1, options.Seed + 1);
        return (train, validation, test);
    }

    // Fine-tuning as `train --fine-tune` does by default (under the budget if one was given), or, given the augmentation
    // the other baselines train with, the backbone from random weights for the whole budget.
    private async Task<FineTuneResult> RunDeep(BackboneModel spec, LinearHead head, DatasetFeatures train, DatasetFeatures? validation, DatasetFeatures test,
        double? budget, Imaging.Augmentation? fromScratchWith, string phase, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        var options = fromScratchWith is { } augmentation
            // Random weights need a from-scratch learning rate everywhere: fine-tuning's gentle rates would handicap the baseline.
            ? new FineTuneOptions
            {
                Views = Options.Views, Epochs = 100, Patience = 100, MaxSeconds = budget, FromScratch = true, BackboneLearningRate = ScratchLearningRate,
                HeadLearningRate = ScratchLearningRate, Augmentation = augmentation, ChooseCrop = false,
            }
            : new FineTuneOptions { MaxSeconds = budget };
        var forward = progress is null ? null : new Forward<FineTuneProgress>(p => progress.Report(new TrainingProgress(phase, p.Extraction, p)));
        return await new FineTuner(options, Options.Seed).RunAsync(spec, null, head, train, validation, test, forward, cancellation).ConfigureAwait(false);
    }

    // A registered head kind on the sampled rows, square-root features, folds as many as the smallest class allows (2..5).
    private (ClassifierHead Head, double Seconds) Fit(string kind, DatasetFeatures train, int[] rows, int classes, int repeat)
    {
        var clock = Stopwatch.StartNew();
        var data = new HeadTrainingData([.. rows.Select(i => train.Features[i])], [.. rows.Select(i => train.Targets[i])], classes)
        {
            Seed = Options.Seed + repeat,
            Folds = Math.Clamp(rows.Length / classes, 2, 5),
        };
        return (HeadRegistry.Get(kind).Fit(data).Head, clock.Elapsed.TotalSeconds);
    }

    // The backbone's cold cost per photo, timed on a batch of training photos (decoding included), so that a head's
    // training time counts the featurising of its photos even when the features came from the cache.
    private static double MeasureBackboneSeconds(BackboneModel spec, IReadOnlyList<string> paths)
    {
        using var backbone = Backbone.Load(spec.Spec);
        var sample = paths.Take(32).ToList();
        var extractor = new FeatureExtractor(backbone, cache: null);
        extractor.Extract(sample.Take(4).ToList());
        var clock = Stopwatch.StartNew();
        extractor.Extract(sample);
        return clock.Elapsed.TotalSeconds / Math.Max(1, sample.Count);
    }

    private static DatasetFeatures Subset(DatasetFeatures features, int[] rows) =>
        new(features.Labels, [.. rows.Select(i => features.Paths[i])], [.. rows.Select(i => features.Targets[i])], [.. rows.Select(i => features.Features[i])],
            features.Extraction);

    private static double Accuracy(ClassifierHead head, DatasetFeatures test) => Accuracy(head.PredictProbabilities(test.Features), test.Targets);

    private static double Accuracy(float[][] probabilities, int[] targets) =>
        (double)targets.Where((t, i) => ClassificationMetrics.ArgMax(probabilities[i]) == t).Count() / targets.Length;

    private static ShotRuns Runs(int? shots, double examples, List<(double Accuracy, double Seconds)> runs) =>
        new(shots, Math.Round(examples, 2), [.. runs.Select(r => r.Accuracy)], [.. runs.Select(r => Math.Round(r.Seconds, 3))]);

    private static string ShotName(int? shots) => shots?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all";
}
