namespace Mentor.Evaluation;

/// <summary>Precision, recall and F1 of one class, and how many true examples it had.</summary>
/// <param name="Label">The class name.</param>
/// <param name="Precision">Of the examples predicted as this class, the share that were (0..1; 0 when none was predicted).</param>
/// <param name="Recall">Of this class's examples, the share predicted as it (0..1; 0 when it had none).</param>
/// <param name="F1">The harmonic mean of precision and recall (0..1).</param>
/// <param name="Support">How many examples truly belong to this class.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
