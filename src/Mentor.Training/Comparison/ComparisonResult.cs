using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>Every figure a comparison measured; serialised as the <c>compare --json</c> output and drawn by the report.</summary>
public sealed record ComparisonResult
{
    public required string Dataset { get; init; }

    public required string TrainRoot { get; init; }

    public required string TestRoot { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required int TrainImages { get; init; }

    public required int TestImages { get; init; }

    /// <summary>One entry per method: accuracy and training seconds per shot count and repeat.</summary>
    public required IReadOnlyList<MethodRuns> Methods { get; init; }

    /// <summary>Epoch-by-epoch figures of the fine-tuning and from-scratch runs on all the data.</summary>
    public required IReadOnlyList<NamedCurve> Curves { get; init; }

    /// <summary>The best transfer model on all the data, on the test set: its name and metrics.</summary>
    public required string BestMethod { get; init; }

    public required ClassificationMetrics BestMetrics { get; init; }

    /// <summary>The best model's most confident wrong answers on the test set.</summary>
    public required IReadOnlyList<TestMistake> Mistakes { get; init; }

    /// <summary>The claims, measured (null where a method did not run).</summary>
    public required ClaimFigures Claims { get; init; }

    public required double TotalSeconds { get; init; }
}

/// <summary>A method's runs: one <see cref="ShotRuns"/> per shot count.</summary>
public sealed record MethodRuns(string Method, IReadOnlyList<ShotRuns> Shots);

/// <summary>Runs at one shot count (null: all); accuracy on the test set and training seconds per repeat.</summary>
public sealed record ShotRuns(int? Shots, double ExamplesPerClass, IReadOnlyList<double> Accuracies, IReadOnlyList<double> Seconds)
{
    public double MeanAccuracy => Accuracies.Average();

    public double MeanSeconds => Seconds.Average();
}

/// <summary>A training run's epochs.</summary>
public sealed record NamedCurve(string Name, IReadOnlyList<EpochReport> Epochs);

/// <summary>A test photo the best model got wrong.</summary>
public sealed record TestMistake(string Path, string TrueLabel, string PredictedLabel, double Confidence);

/// <summary>
/// The two claims of transfer learning on this dataset: the examples per class a transfer method needs to reach the
/// test accuracy from-scratch training reaches with all the data, and how many times longer from scratch takes to
/// that accuracy than transfer.
/// </summary>
/// <param name="ScratchAccuracy">From scratch, all the data: test accuracy.</param>
/// <param name="ScratchSeconds">Its training seconds.</param>
/// <param name="ShotsToMatch">Fewest examples per class at which a transfer method's mean accuracy reached <paramref name="ScratchAccuracy"/>.</param>
/// <param name="MatchingMethod">That method.</param>
/// <param name="TransferSeconds">The fewest training seconds with which a transfer run reached <paramref name="ScratchAccuracy"/>.</param>
/// <param name="TimeRatio"><paramref name="ScratchSeconds"/> / <paramref name="TransferSeconds"/>.</param>
public sealed record ClaimFigures(double? ScratchAccuracy, double? ScratchSeconds, int? ShotsToMatch, string? MatchingMethod, double? TransferSeconds, double? TimeRatio);
