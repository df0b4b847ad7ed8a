using Mentor.Backbones;
using Mentor.Models;

namespace Mentor.Training.Ranking;

/// <summary>How <see cref="BackboneRanker"/> scores candidate backbones for a dataset.</summary>
public sealed record RankingOptions
{
    /// <summary>The candidates, as backbone names (a built-in name, a spec or ONNX file, or stages of one such as <c>name:layer3+layer4</c>).</summary>
    public IReadOnlyList<string> Backbones { get; init; } = [BackboneRegistry.DefaultName];

    /// <summary>Also fit the logistic head on each candidate and measure it on validation photos (slower, the truth the scores guess).</summary>
    public bool Verify { get; init; }

    /// <summary>With <see cref="Verify"/> and no validation folder: the share of each class held out (stratified, seeded).</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seeds the held-out split and the head's search.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Applied to the features before scoring, as the head would see them; default: square root, as <c>train</c>.</summary>
    public FeatureTransform Transform { get; init; } = new ClassifierTrainingOptions().Transform;

    /// <summary>Neighbour counts tried by the k-NN score; null: <see cref="Heads.Knn.KnnOptions.DefaultCandidates"/>.</summary>
    public IReadOnlyList<int>? NeighbourCounts { get; init; }

    /// <summary>Cache folder for features and prepared backbones; null: <see cref="MentorPaths.DefaultCacheDirectory"/>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Whether features are read from and written to the cache.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>Images per backbone call.</summary>
    public int BatchSize { get; init; } = Features.ExtractionOptions.Default.BatchSize;

    /// <summary>Fail on any unusable file instead of skipping it.</summary>
    public bool Strict { get; init; }
}
