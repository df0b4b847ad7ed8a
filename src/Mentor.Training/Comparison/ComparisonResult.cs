using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>Every figure a comparison measured; serialised as the JSON the compare command prints and drawn by the report.</summary>
public sealed record ComparisonResult
{
    /// <summary>The dataset folder compared on (absolute).</summary>
    public required string Dataset { get; init; }

    /// <summary>The folder the training pool came from: the dataset's <c>train/</c>, or the dataset itself when it was split.</summary>
    public required string TrainRoot { get; init; }

    /// <summary>The folder the test photos came from (the same as <see cref="TrainRoot"/> when the dataset was split).</summary>
    public required string TestRoot { get; init; }

    /// <summary>Class names, in the order of the metrics' per-class figures.</summary>
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Usable photos in the training pool.</summary>
    public required int TrainImages { get; init; }

    /// <summary>Usable held-out test photos every model was measured on.</summary>
    public required int TestImages { get; init; }

    /// <summary>One entry per method: accuracy and training seconds per shot count and repeat.</summary>
    public required IReadOnlyList<MethodRuns> Methods { get; init; }

    /// <summary>Epoch-by-epoch figures of the fine-tuning and from-scratch runs on all the data.</summary>
    public required IReadOnlyList<NamedCurve> Curves { get; init; }

    /// <summary>The best transfer model on all the data, on the test set: its name and metrics.</summary>
    public required string BestMethod { get; init; }

    /// <summary>The metrics of <see cref="BestMethod"/> on the test set.</summary>
    public required ClassificationMetrics BestMetrics { get; init; }

    /// <summary>The best model's most confident wrong answers on the test set.</summary>
    public required IReadOnlyList<TestMistake> Mistakes { get; init; }

    /// <summary>The claims, measured (null where a method did not run).</summary>
    public required ClaimFigures Claims { get; init; }

    /// <summary>Wall-clock seconds the whole comparison took.</summary>
    public required double TotalSeconds { get; init; }
}
