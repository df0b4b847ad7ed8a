using Mentor.Data;

namespace Mentor.Features;

/// <summary>Extraction of whole datasets.</summary>
public static class DatasetExtraction
{
    /// <summary>
    /// Extracts every file of <paramref name="dataset"/>. Unusable files are skipped and listed, or, when
    /// <paramref name="strict"/>, fail the run. A class left with no usable image fails it too.
    /// </summary>
    public static async Task<DatasetFeatures> ExtractAsync(this FeatureExtractor extractor, ImageFolderDataset dataset, bool strict = false,
        IProgress<ExtractionProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        ArgumentNullException.ThrowIfNull(dataset);
        var images = dataset.Images;
        var result = await extractor.ExtractAsync(images.Select(i => i.Path).ToList(), progress, cancellation).ConfigureAwait(false);
        if (strict && result.Skipped.Count > 0)
            throw new UnusableFilesException(dataset.Root, result.Skipped);

        var kept = Enumerable.Range(0, images.Count).Where(i => result.Features[i] is not null).ToList();
        var usable = new int[dataset.Labels.Count];
        foreach (var i in kept) usable[images[i].Label]++;
        var emptyClass = Array.IndexOf(usable, 0);
        if (emptyClass >= 0)
            throw new DatasetException($"{Path.Combine(dataset.Root, dataset.Labels[emptyClass])}: class '{dataset.Labels[emptyClass]}' has no usable image (all {images.Count(i => i.Label == emptyClass)} file(s) skipped); add images or remove the folder.");

        return new DatasetFeatures(
            dataset.Labels,
            kept.Select(i => images[i].Path).ToList(),
            kept.Select(i => images[i].Label).ToArray(),
            kept.Select(i => result.Features[i]!).ToArray(),
            result);
    }
}
