using Mentor.Data;

namespace Mentor.Features;

/// <summary>The features of a dataset's usable images, with their labels; skipped files listed apart.</summary>
public sealed class DatasetFeatures
{
    /// <summary>Features already extracted, row by row; the arrays are kept, not copied.</summary>
    /// <param name="labels">Class names; <paramref name="targets"/> index this list.</param>
    /// <param name="paths">The file behind each row.</param>
    /// <param name="targets">The label index of each row.</param>
    /// <param name="features">One feature vector per row, all of the backbone's feature length.</param>
    /// <param name="extraction">The extraction run that produced them (skipped files, cache hits, time).</param>
    public DatasetFeatures(IReadOnlyList<string> labels, IReadOnlyList<string> paths, int[] targets, float[][] features, ExtractionResult extraction)
    {
        Labels = labels;
        Paths = paths;
        Targets = targets;
        Features = features;
        Extraction = extraction;
    }

    /// <summary>Class names; <see cref="Targets"/> index this list.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Files that gave features, in dataset order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The label index of each row.</summary>
    public int[] Targets { get; }

    /// <summary>One feature vector per row.</summary>
    public float[][] Features { get; }

    /// <summary>The run that produced them: skipped files, cache hits, time.</summary>
    public ExtractionResult Extraction { get; }

    /// <summary>The number of rows: images that gave features (skipped files excluded).</summary>
    public int Count => Paths.Count;
}
