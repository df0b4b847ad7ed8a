using Mentor.Data;
using Mentor.Features;

namespace Mentor.Training.Sharding;

/// <summary>A split whose features are already computed: its images (paths and labels, indexed as the training labels) and their features.</summary>
/// <param name="Dataset">The split's images: paths and label indices into the training labels.</param>
/// <param name="Features">Their features, row for row, with the same labels.</param>
public sealed record FeatureSplit(ImageFolderDataset Dataset, DatasetFeatures Features)
{
    /// <summary>A split of merged feature shards, named by <paramref name="source"/> (the folder or glob they came from).</summary>
    public static FeatureSplit FromShards(string source, IReadOnlyList<string> labels, IReadOnlyList<string> paths, int[] targets, float[][] features)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var dataset = new ImageFolderDataset(source, labels, paths.Select((p, i) => new LabeledImage(p, targets[i])).ToList());
        var extraction = new ExtractionResult(paths, features, [], features.Length, TimeSpan.Zero);
        return new FeatureSplit(dataset, new DatasetFeatures(labels, paths, targets, features, extraction));
    }
}
