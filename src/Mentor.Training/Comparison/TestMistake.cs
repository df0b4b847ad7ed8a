using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A test photo the best model got wrong.</summary>
public sealed record TestMistake(string Path, string TrueLabel, string PredictedLabel, double Confidence);
