using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Heads.Logistic;
using Mentor.Imaging;
using Mentor.Training.Comparison;
using Mentor.Training.Heads;
using Onnx;

namespace Mentor.Training.Tuning;

/// <summary>
/// Chooses, on the validation photos and before any epoch, what <see cref="FineTuneOptions"/> leaves open, so that one
/// <c>--fine-tune</c> suits data near ImageNet (garments) and far from it (hand signs) alike:
/// <list type="bullet">
/// <item><b>Stages.</b> A linear probe on the pooled output of the stage below the top, against the same probe on the top's
/// output (the features the head uses). When the top stage adds almost nothing (within <see cref="StageTolerance"/>), its
/// ImageNet-specific filters are what the data needs changed, so the stage below trains too. Hand signs: 0.934 against
/// 0.937 (two stages); garments: 0.830 against 0.886 (one), in bench/results/rank-2026-12-02.txt.</item>
/// <item><b>Crop.</b> The frozen head, fitted on centre crops, classifies random crops of the validation photos at each
/// candidate smallest share; the strongest crop it still recognises (within <see cref="CropTolerance"/> of the plain
/// view) is kept. A crop that cuts off the fingers that decide a digit teaches the network noise.</item>
/// </list>
/// Every probe is seeded: the same data and seed give the same plan.
/// </summary>
internal static class FineTunePlanner
{
    /// <summary>How close (accuracy) the stage below must come to the top for both to train.</summary>
    public const double StageTolerance = 0.03;

    /// <summary>
    /// How far (accuracy) below the plain view the frozen head may fall on a crop for that crop to be used. Garments:
    /// 0.886 plain, 0.862 at 50%, 0.801 at 25% (50% chosen); hand signs: 0.963 plain, 0.902 at 75%, 0.838 at 50% (75%).
    /// </summary>
    public const double CropTolerance = 0.07;

    /// <summary>Most stages chosen automatically: each one more roughly doubles an epoch's time.</summary>
    public const int MaxStages = 2;

    private const int ProbeExamplesPerClass = 120; // training photos per class the stage probe fits on: enough for a linear probe, seconds to extract
    private const int CropViews = 2; // random crops per validation photo at each share tried
    private static readonly double[] CropCandidates = [0.25, 0.5, 0.75];

    /// <summary>The plan for fine-tuning <paramref name="backbone"/> with <paramref name="head"/> under <paramref name="options"/>.</summary>
    public static async Task<FineTunePlan> ChooseAsync(BackboneModel backbone, GraphProto graph, ResizeRule? resize, LinearHead head, DatasetFeatures train,
        DatasetFeatures? validation, FineTuneOptions options, int seed, IProgress<FineTuneProgress>? progress, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var floor = options.Augmentation?.MinScale ?? 1;
        var stages = options.Stages ?? 1;
        var minCrop = floor;
        IReadOnlyList<ProbeScore> stageProbe = [], cropProbe = [];
        var chooseStages = options.Stages is null && validation is not null && !options.FromScratch;
        var chooseCrop = options.ChooseCrop && options.Augmentation is not null && validation is not null && !options.FromScratch;
        if (chooseStages)
            (stages, stageProbe) = await ChooseStages(backbone, graph, resize, head, train, validation!, seed, progress, cancellation).ConfigureAwait(false);
        if (chooseCrop)
            (minCrop, cropProbe) = await ChooseCrop(backbone, resize, head, validation!, options.Augmentation!, seed, progress, cancellation).ConfigureAwait(false);
        return new FineTunePlan(stages, minCrop, chooseStages, chooseCrop, stageProbe, cropProbe, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    private static async Task<(int, IReadOnlyList<ProbeScore>)> ChooseStages(BackboneModel backbone, GraphProto graph, ResizeRule? resize, LinearHead head,
        DatasetFeatures train, DatasetFeatures validation, int seed, IProgress<FineTuneProgress>? progress, CancellationToken cancellation)
    {
        var classes = train.Labels.Count;
        var rows = FewShotSampler.Sample(train.Targets, classes, ProbeExamplesPerClass, seed);
        var targets = rows.Select(i => train.Targets[i]).ToArray();
        var top = ProbeAccuracy([.. rows.Select(i => train.Features[i])], targets, validation.Features, validation.Targets, classes, head.Transform, seed);
        var scores = new List<ProbeScore> { new(1, top) };
        var stages = 1;
        var available = StageFinder.Starts(graph.Node).Count;
        for (var below = 1; below < Math.Min(MaxStages, available); below++)
        {
            // The input of the top `below` stages is the output of the stage under them.
            var value = StageFinder.InputOfLastStages(graph, below);
            using var part = BackbonePart.Load(backbone, value, BackboneOptions.Default with { Resize = resize });
            var paths = rows.Select(i => train.Paths[i]).Concat(validation.Paths).ToList();
            var pooled = await PooledAsync(part, paths, Report(progress, "stage probe"), cancellation).ConfigureAwait(false);
            var accuracy = ProbeAccuracy(pooled[..rows.Length], targets, pooled[rows.Length..], validation.Targets, classes, head.Transform, seed);
            scores.Add(new ProbeScore(below + 1, accuracy));
            if (accuracy < scores[^2].Accuracy - StageTolerance) break;
            stages = below + 1;
        }
        return (stages, scores);
    }

    private static async Task<(double, IReadOnlyList<ProbeScore>)> ChooseCrop(BackboneModel backbone, ResizeRule? resize, LinearHead head, DatasetFeatures validation,
        Augmentation augmentation, int seed, IProgress<FineTuneProgress>? progress, CancellationToken cancellation)
    {
        var plain = Accuracy(head.PredictProbabilities(validation.Features), validation.Targets);
        var scores = new List<ProbeScore> { new(1, plain) };
        using var whole = BackbonePart.Load(backbone, BackboneModel.OutputName, BackboneOptions.Default with { Resize = resize });
        var paths = Enumerable.Range(0, CropViews).SelectMany(_ => validation.Paths).ToList();
        var targets = Enumerable.Range(0, CropViews).SelectMany(_ => validation.Targets).ToArray();
        foreach (var share in CropCandidates.Where(c => c >= augmentation.MinScale))
        {
            var crop = augmentation with { MinScale = share };
            ImagePreparation preparation = (bytes, path, index, spec, destination) =>
                ImageAugmenter.Prepare(bytes, path, spec, crop, new Random(StageInputExtraction.ViewSeed(seed, index)), destination);
            var extractor = new FeatureExtractor(whole, cache: null, ExtractionOptions.Default with { Preparation = preparation });
            var result = await extractor.ExtractAsync(paths, Report(progress, "crop probe"), cancellation).ConfigureAwait(false);
            StageInputExtraction.ThrowIfSkipped(result);
            var accuracy = Accuracy(head.PredictProbabilities(result.Features!.Select(f => f!).ToList()), targets);
            scores.Add(new ProbeScore(share, accuracy));
            if (accuracy >= plain - CropTolerance) return (share, scores);
        }
        return (1, scores);
    }

    // Global average pool of each photo's map, channel by channel, in chunks so a large dataset's maps never sit in memory at once.
    private static async Task<float[][]> PooledAsync(BackbonePart part, IReadOnlyList<string> paths, IProgress<ExtractionProgress>? progress,
        CancellationToken cancellation)
    {
        var channels = part.OutputShape[0];
        var area = part.OutputSize / channels;
        var pooled = new float[paths.Count][];
        const int chunk = 256;
        var extractor = new FeatureExtractor(part, cache: null);
        for (var start = 0; start < paths.Count; start += chunk)
        {
            var count = Math.Min(chunk, paths.Count - start);
            var result = await extractor.ExtractAsync(paths.Skip(start).Take(count).ToList(), progress, cancellation).ConfigureAwait(false);
            StageInputExtraction.ThrowIfSkipped(result);
            for (var i = 0; i < count; i++)
            {
                var map = result.Features[i]!;
                var vector = new float[channels];
                for (var c = 0; c < channels; c++)
                {
                    double sum = 0;
                    foreach (var v in map.AsSpan(c * area, area)) sum += v;
                    vector[c] = (float)(sum / area);
                }
                pooled[start + i] = vector;
            }
        }
        return pooled;
    }

    // Logistic regression as the head is fitted (its transform, the regularisation chosen on the validation photos), scored on them.
    private static double ProbeAccuracy(float[][] train, int[] targets, IReadOnlyList<float[]> validation, int[] validationTargets, int classes,
        Models.FeatureTransform transform, int seed)
    {
        var data = new HeadTrainingData(train, targets, classes)
        {
            ValidationFeatures = [.. validation],
            ValidationTargets = validationTargets,
            Transform = transform,
            Seed = seed,
        };
        var fitted = HeadRegistry.Get(LinearHead.Name).Fit(data);
        return Accuracy(fitted.Head.PredictProbabilities(validation), validationTargets);
    }

    private static double Accuracy(float[][] probabilities, int[] targets) =>
        (double)targets.Where((t, i) => ClassificationMetrics.ArgMax(probabilities[i]) == t).Count() / targets.Length;

    private static IProgress<ExtractionProgress>? Report(IProgress<FineTuneProgress>? progress, string phase) =>
        progress is null ? null : new Forward<ExtractionProgress>(p => progress.Report(new FineTuneProgress(phase, p, 0, 0, 0, 0, 0, null)));
}
