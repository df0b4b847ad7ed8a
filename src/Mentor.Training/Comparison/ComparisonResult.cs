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
