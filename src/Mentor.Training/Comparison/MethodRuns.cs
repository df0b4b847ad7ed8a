using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A method's runs: one <see cref="ShotRuns"/> per shot count.</summary>
public sealed record MethodRuns(string Method, IReadOnlyList<ShotRuns> Shots);
