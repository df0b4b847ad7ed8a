using Mentor.Data;
using Mentor.Features;
using Mentor.Models;

namespace Mentor.Sharding;

/// <summary>
/// Extracts one shard of a dataset into <c>folder/shard-KKKKK-of-NNNNN.parquet</c>: the shard's images (see
/// <see cref="ShardPartition"/>) through the extractor, rows in dataset order, paths relative to the dataset.
/// A shard whose file already holds the same inputs through the same backbone is not extracted again.
/// </summary>
public static class ShardExtraction
{
    /// <summary>
    /// Extracts the features of <paramref name="shard"/>'s share of <paramref name="dataset"/> and writes them (atomically) to
    /// <see cref="ShardSpec.FileName"/> in <paramref name="folder"/>, unless that file already holds the same images, labels and backbone.
    /// </summary>
    /// <param name="extractor">Runs the backbone; its model's identity and preprocessing are recorded in the file.</param>
    /// <param name="dataset">The whole dataset; every shard of a job must be given the same one.</param>
    /// <param name="shard">Which share of the images to extract.</param>
    /// <param name="folder">Where the job's shard files go; it must exist.</param>
    /// <param name="backboneName">The backbone as the user named it, recorded in the file's metadata.</param>
    /// <param name="strict">Fail on the first unusable image instead of leaving it out of the file.</param>
    /// <param name="progress">Told of every image done, or null.</param>
    /// <param name="cancellation">Stops the extraction; no file is written then.</param>
    /// <returns>The file, its row count, and whether it was written now or found already done.</returns>
    /// <exception cref="DatasetException"><paramref name="strict"/> is set and an image of the shard cannot be used; nothing is written.</exception>
    public static async Task<ShardOutcome> ExtractShardAsync(this FeatureExtractor extractor, ImageFolderDataset dataset, ShardSpec shard, string folder,
        string backboneName, bool strict = false, IProgress<ExtractionProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(dataset);
        var images = ShardPartition.Select(dataset, shard);
        var baseFolder = ImageListDataset.BaseFolder(dataset);
        var relative = images.Select(i => ShardPartition.RelativePath(baseFolder, i.Path)).ToList();
        var metadata = new ShardMetadata(backboneName, extractor.Model.Identity, extractor.Model.Preprocessing.Id, dataset.Labels,
            ClassifierFile.MentorVersion, shard, ShardMetadata.Fingerprint(relative.Select((p, i) => (p, dataset.Labels[images[i].Label]))));
        var path = Path.Combine(folder, shard.FileName);
        if (await ShardFile.TryReadMetadataAsync(path, cancellation).ConfigureAwait(false) is { } existing && existing.SameWorkAs(metadata))
        {
            var rows = (await ShardFile.ReadRowsAsync(path, cancellation).ConfigureAwait(false)).Count;
            return new ShardOutcome(path, shard, images.Count, rows, Skipped: true, [], null);
        }

        var result = await extractor.ExtractAsync(images.Select(i => i.Path).ToList(), progress, cancellation).ConfigureAwait(false);
        if (strict && result.Skipped.Count > 0)
        {
            var first = result.Skipped[0];
            throw new DatasetException($"{first.Path}: {first.Reason} ({result.Skipped.Count} unusable file(s) in shard {shard}); remove them or allow skipping.");
        }
        var written = Enumerable.Range(0, images.Count).Where(i => result.Features[i] is not null).Select(i => new ShardRow
        {
            Path = relative[i],
            Label = dataset.Labels[images[i].Label],
            Sha256 = result.ContentHashes[i]!,
            Features = result.Features[i]!,
        }).ToList();
        await ShardFile.WriteAsync(path, written, metadata, cancellation).ConfigureAwait(false);
        return new ShardOutcome(path, shard, images.Count, written.Count, Skipped: false, result.Skipped, result);
    }
}
