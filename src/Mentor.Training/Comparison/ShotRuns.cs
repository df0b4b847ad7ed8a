using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>Runs at one shot count (null: all); accuracy on the test set and training seconds per repeat.</summary>
/// <param name="Shots">Examples per class asked for; null: all of the training pool.</param>
/// <param name="ExamplesPerClass">Training examples per class actually used, on average (a class may have fewer than asked).</param>
/// <param name="Accuracies">Test accuracy of each repeat (0..1).</param>
/// <param name="Seconds">Training seconds of each repeat, including the feature extraction its photos cost.</param>
public sealed record ShotRuns(int? Shots, double ExamplesPerClass, IReadOnlyList<double> Accuracies, IReadOnlyList<double> Seconds)
{
    /// <summary>Test accuracy averaged over the repeats (0..1).</summary>
    public double MeanAccuracy => Accuracies.Average();

    /// <summary>Training seconds averaged over the repeats.</summary>
    public double MeanSeconds => Seconds.Average();
}
