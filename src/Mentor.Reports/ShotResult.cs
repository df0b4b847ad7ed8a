namespace Mentor.Reports;

/// <summary>
/// Repeated runs of one method at one number of examples per class.
/// The "all" point (<see cref="IsAll"/>) used every training example; <see cref="ExamplesPerClass"/> then holds the mean count per class.
/// </summary>
/// <param name="ExamplesPerClass">Training examples per class; for the "all" point, the mean count per class.</param>
/// <param name="IsAll">True when every training example was used.</param>
/// <param name="Accuracies">Test accuracy (0 to 1) of each repeat.</param>
/// <param name="Seconds">Training seconds of each repeat; may be empty when not measured.</param>
public sealed record ShotResult(int ExamplesPerClass, bool IsAll, IReadOnlyList<double> Accuracies, IReadOnlyList<double> Seconds)
{
    /// <summary>Mean accuracy over repeats; NaN without repeats.</summary>
    public double MeanAccuracy => Mean(Accuracies);

    /// <summary>Population standard deviation of the accuracy over repeats (0 for one repeat, NaN for none).</summary>
    public double StdAccuracy
    {
        get
        {
            var mean = MeanAccuracy;
            return Accuracies.Count == 0 ? double.NaN : Math.Sqrt(Accuracies.Sum(a => (a - mean) * (a - mean)) / Accuracies.Count);
        }
    }

    /// <summary>Mean training seconds over repeats; NaN when not measured.</summary>
    public double MeanSeconds => Mean(Seconds);

    /// <summary>How the point is named on an axis: "all" or the count.</summary>
    internal string ShotLabel => IsAll ? "all" : ExamplesPerClass.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();
}
