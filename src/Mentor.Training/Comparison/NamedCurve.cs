using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A training run's epochs, and the settings it ran with.</summary>
/// <param name="Name">The run's method (<see cref="ComparisonRunner.FineTuned"/>, <see cref="ComparisonRunner.SmallCnn"/> or <see cref="ComparisonRunner.Scratch"/>).</param>
/// <param name="Epochs">Loss and accuracy after each epoch, in order.</param>
/// <param name="Settings">What the run chose or was given, by name (camelCase): for instance the stages and crop fine-tuning
/// planned, or the input side and peak learning rate the small CNN chose.</param>
public sealed record NamedCurve(string Name, IReadOnlyList<EpochReport> Epochs, IReadOnlyDictionary<string, double> Settings);
