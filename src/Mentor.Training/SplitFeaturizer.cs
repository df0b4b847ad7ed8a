using Mentor.Backbones;
using Mentor.Data;
using Mentor.Features;
using Mentor.Quantization;

namespace Mentor.Training;

/// <summary>Featurises the splits of a training run through the backbone, with the run's options (cache, resize, int8).</summary>
internal static class SplitFeaturizer
{
    /// <summary>
    /// The features of each split (null where the split is null), and the backbone that made them. The backbone's session
    /// lives only while featurising, so its memory is given back before anything is fitted.
    /// </summary>
    public static async Task<(BackboneModel Backbone, string Identity, PreprocessingSpec Preprocessing, DatasetFeatures?[] Features)> RunAsync(
        ClassifierTrainingOptions options, ImageFolderDataset?[] splits, string[] phases, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        // int8: calibrated on the training split only (never on held-out photos).
        var calibration = options.Int8 ? CalibrationSet.Sample(splits[0]!.Images.Select(i => i.Path), options.CalibrationPhotos, options.Seed) : null;
        if (calibration is not null) progress?.Report(new TrainingProgress("calibrate", null));
        using var backbone = Backbone.Load(options.Backbone, BackboneOptions.Default with
        {
            Resize = options.Resize, CacheDirectory = options.CacheDirectory, Int8 = options.Int8, Calibration = calibration,
        });
        var cache = options.UseCache ? new FeatureCache(options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory) : null;
        var extractor = new FeatureExtractor(backbone, cache, ExtractionOptions.Default with { BatchSize = options.BatchSize });
        var features = new DatasetFeatures?[splits.Length];
        for (var i = 0; i < splits.Length; i++)
        {
            if (splits[i] is not { } split) continue;
            var phase = phases[i];
            var forward = progress is null ? null : new Forward<ExtractionProgress>(p => progress.Report(new TrainingProgress(phase, p)));
            features[i] = await extractor.ExtractAsync(split, options.Strict, forward, cancellation).ConfigureAwait(false);
        }
        return (backbone.Model, backbone.Identity, backbone.Preprocessing, features);
    }
}
