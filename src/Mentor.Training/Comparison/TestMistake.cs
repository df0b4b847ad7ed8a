using Mentor.Evaluation;
using Mentor.Training.Tuning;

namespace Mentor.Training.Comparison;

/// <summary>A test photo the best model got wrong.</summary>
/// <param name="Path">The test photo.</param>
/// <param name="TrueLabel">Its class.</param>
/// <param name="PredictedLabel">The class the model chose.</param>
/// <param name="Confidence">The model's probability for <paramref name="PredictedLabel"/> (0..1).</param>
public sealed record TestMistake(string Path, string TrueLabel, string PredictedLabel, double Confidence);
