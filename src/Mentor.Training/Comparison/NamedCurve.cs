using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A training run's epochs.</summary>
/// <param name="Name">The run's method (<see cref="ComparisonRunner.FineTuned"/> or <see cref="ComparisonRunner.Scratch"/>).</param>
/// <param name="Epochs">Loss and accuracy after each epoch, in order.</param>
public sealed record NamedCurve(string Name, IReadOnlyList<EpochReport> Epochs);
