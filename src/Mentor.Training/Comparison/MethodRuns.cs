using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A method's runs: one <see cref="ShotRuns"/> per shot count.</summary>
/// <param name="Method">The method's name, one of <see cref="ComparisonRunner"/>'s constants.</param>
/// <param name="Shots">Its runs, one entry per shot count measured.</param>
public sealed record MethodRuns(string Method, IReadOnlyList<ShotRuns> Shots);
