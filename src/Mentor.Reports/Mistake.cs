namespace Mentor.Reports;

/// <summary>A photo the classifier got wrong, with the probability it gave its wrong answer (0 to 1).</summary>
public sealed record Mistake(string Path, string TrueLabel, string PredictedLabel, double Confidence);
