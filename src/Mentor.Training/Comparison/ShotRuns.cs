using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>Runs at one shot count (null: all); accuracy on the test set and training seconds per repeat.</summary>
public sealed record ShotRuns(int? Shots, double ExamplesPerClass, IReadOnlyList<double> Accuracies, IReadOnlyList<double> Seconds)
{
    public double MeanAccuracy => Accuracies.Average();

    public double MeanSeconds => Seconds.Average();
}
