namespace Mentor.Evaluation;

/// <summary>Precision, recall and F1 of one class, and how many true examples it had.</summary>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
