using Mentor.Backbones;
using Mentor.Data;
using Mentor.Features;
using Mentor.Sharding;

namespace Mentor.Training.Sharding;

/// <summary>
/// Training from feature shards (see <see cref="FeatureShards"/>): the head is fitted on the merged shard features and no
/// training image is read. Validation and test sets may be shards too, or image folders featurised here. The backbone
/// named in the shards must be loadable on this machine with the same identity, because the model file carries it.
/// </summary>
public static class ShardTraining
{
    /// <summary>
    /// Fits <paramref name="trainer"/>'s head on the merged features of the shards in <paramref name="trainShards"/> and
    /// measures it on the validation and test sets given; the backbone named in the shards is loaded only to featurise
    /// held-out photos and to go into the model file.
    /// </summary>
    /// <param name="trainer">Its options are used: head kind, cache, resize, strictness. Fine-tuning, int8 and held-out fractions are refused.</param>
    /// <param name="trainShards">A folder of shards, a glob such as <c>dir/shard-*.parquet</c>, or one shard file; the set must be complete.</param>
    /// <param name="validation">Validation shards (same forms) or an image folder; null: none.</param>
    /// <param name="test">Test shards (same forms) or an image folder; null: none.</param>
    /// <param name="progress">Told of featurising and fitting progress, or null.</param>
    /// <param name="cancellation">Stops the work; nothing is returned then.</param>
    /// <returns>The trained classifier, ready to save.</returns>
    /// <exception cref="TrainingDataException">The options ask for fine-tuning, int8 or held-out fractions, which need the photos; or the data cannot be learnt from.</exception>
    /// <exception cref="ShardException">A shard set is incomplete or mixed, or was extracted with another backbone than this machine's or the training shards'.</exception>
    public static async Task<TrainedClassifier> FitShardsAsync(this ClassifierTrainer trainer, string trainShards, string? validation = null, string? test = null,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        var options = trainer.Options;
        if (options.FineTune is not null || options.Int8)
            throw new TrainingDataException($"{trainShards}: feature shards train the head only; fine-tuning and int8 need the photos, so train on the image folder instead.");
        if (options.ValidationFraction > 0 || options.TestFraction > 0)
            throw new TrainingDataException($"{trainShards}: feature shards are not split into held-out fractions; pass validation and test sets (folders or shards) instead.");

        var shards = await FeatureShards.ReadAsync(trainShards, cancellation).ConfigureAwait(false);
        var train = FeatureSplit.FromShards(trainShards, shards.Labels, shards.Paths, shards.Targets, shards.Features);
        var held = new FeatureSplit?[2];
        BackboneModel spec;
        string identity;
        PreprocessingSpec preprocessing;
        // The session lives only while held-out photos are featurised: its memory is given back before the head is fitted.
        using (var backbone = Backbone.Load(shards.Metadata.BackboneName, BackboneOptions.Default with { Resize = options.Resize, CacheDirectory = options.CacheDirectory }))
        {
            if (backbone.Identity != shards.Metadata.BackboneIdentity || backbone.Preprocessing.Id != shards.Metadata.Preprocessing)
                throw new ShardException(
                    $"{shards.Files[0]}: extracted with {shards.Metadata.BackboneIdentity} ({shards.Metadata.Preprocessing}), but this machine's {backbone.Spec.Name} is {backbone.Identity} ({backbone.Preprocessing.Id}); train where that backbone is installed, or extract again here.");
            var cache = options.UseCache ? new FeatureCache(options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory) : null;
            var extractor = new FeatureExtractor(backbone, cache, ExtractionOptions.Default with { BatchSize = options.BatchSize });
            string?[] sources = [validation, test];
            string[] phases = ["validation", "test"];
            for (var i = 0; i < held.Length; i++)
            {
                if (sources[i] is not { } source) continue;
                held[i] = FeatureShards.AreShards(source)
                    ? await HeldOutShardsAsync(source, shards, cancellation).ConfigureAwait(false)
                    : await HeldOutPhotosAsync(extractor, source, shards.Labels, options.Strict, progress, phases[i], cancellation).ConfigureAwait(false);
            }
            (spec, identity, preprocessing) = (backbone.Model, backbone.Identity, backbone.Preprocessing);
        }
        return trainer.Fit(spec, identity, preprocessing, train, held[0], held[1], progress);
    }

    private static async Task<FeatureSplit> HeldOutShardsAsync(string source, ShardSet train, CancellationToken cancellation)
    {
        var shards = await FeatureShards.ReadAsync(source, cancellation).ConfigureAwait(false);
        if (shards.Metadata.BackboneIdentity != train.Metadata.BackboneIdentity || shards.Metadata.Preprocessing != train.Metadata.Preprocessing)
            throw new ShardException($"{shards.Files[0]}: extracted with {shards.Metadata.BackboneIdentity} ({shards.Metadata.Preprocessing}), but the training shards with {train.Metadata.BackboneIdentity} ({train.Metadata.Preprocessing}); extract both with the same backbone.");
        var map = LabelMapping.ToModelLabels(new ImageFolderDataset(source, shards.Labels, []), train.Labels);
        return FeatureSplit.FromShards(source, train.Labels, shards.Paths, shards.Targets.Select(t => map[t]).ToArray(), shards.Features);
    }

    private static async Task<FeatureSplit> HeldOutPhotosAsync(FeatureExtractor extractor, string folder, IReadOnlyList<string> labels, bool strict,
        IProgress<TrainingProgress>? progress, string phase, CancellationToken cancellation)
    {
        var opened = ImageFolderDataset.Open(folder, minimumClasses: 1);
        var map = LabelMapping.ToModelLabels(opened, labels);
        var dataset = new ImageFolderDataset(opened.Root, labels, opened.Images.Select(i => i with { Label = map[i.Label] }).ToList());
        var forward = progress is null ? null : new Forward<ExtractionProgress>(p => progress.Report(new TrainingProgress(phase, p)));
        return new FeatureSplit(dataset, await extractor.ExtractAsync(dataset, strict, forward, cancellation).ConfigureAwait(false));
    }
}
