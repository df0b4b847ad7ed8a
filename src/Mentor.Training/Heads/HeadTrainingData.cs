using Mentor.Heads;
using Mentor.Models;

namespace Mentor.Training.Heads;

/// <summary>What every head kind fits on: raw backbone features and their class indices, optionally validation rows.</summary>
/// <param name="Features">One raw feature vector per training row.</param>
/// <param name="Targets">The class index of each row.</param>
/// <param name="ClassCount">Number of classes.</param>
public sealed record HeadTrainingData(float[][] Features, int[] Targets, int ClassCount)
{
    /// <summary>Rows never trained on, for choosing settings or stopping; null: the kind holds out or cross-validates its own.</summary>
    public float[][]? ValidationFeatures { get; init; }

    /// <summary>The class index of each validation row; given together with <see cref="ValidationFeatures"/>, null with it.</summary>
    public int[]? ValidationTargets { get; init; }

    /// <summary>Applied to every row before the head, and stored in it.</summary>
    public FeatureTransform Transform { get; init; } = FeatureTransform.Sqrt;

    /// <summary>Seeds folds, hold-outs and initial weights: same seed and data, same head.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Class-balanced row weights, for skewed datasets (kinds that weigh rows).</summary>
    public bool Balance { get; init; }

    /// <summary>Cross-validation folds for kinds that search their settings that way.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// A setting an earlier fit of the same kind chose on much the same data (its <see cref="FittedHead.Chosen"/>, such as
    /// <c>C=0.03</c> or <c>k=5</c>): a kind that searches its setting fits with this one and skips the search. Null
    /// (default): search. Kinds without a searched setting ignore it.
    /// </summary>
    public string? KnownSetting { get; init; }

    /// <summary>The training rows with <see cref="Transform"/> applied.</summary>
    public float[][] TransformedFeatures() => Transformed(Features);

    /// <summary>The validation rows with <see cref="Transform"/> applied; null without validation rows.</summary>
    public float[][]? TransformedValidation() => ValidationFeatures is null ? null : Transformed(ValidationFeatures);

    private float[][] Transformed(float[][] rows) =>
        Transform == FeatureTransform.None ? rows : [.. rows.Select(r => ClassifierHead.Apply(Transform, r))];
}
