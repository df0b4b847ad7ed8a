namespace Mentor.Reports;

/// <summary>One network's training, epoch by epoch, e.g. "fine-tuned" or "from scratch".</summary>
public sealed record TrainingCurve(string Name, IReadOnlyList<CurvePoint> Epochs);
