using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A training run's epochs.</summary>
public sealed record NamedCurve(string Name, IReadOnlyList<EpochReport> Epochs);
