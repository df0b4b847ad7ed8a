using Mentor.Data;

namespace Mentor.Features;

/// <summary>The features of a dataset's usable images, with their labels; skipped files listed apart.</summary>
public sealed class DatasetFeatures
{
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

    public int Count => Paths.Count;
}
