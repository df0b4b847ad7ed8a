namespace Mentor.Reports;

/// <summary>One method's results at each number of examples per class, e.g. "logistic on frozen features".</summary>
public sealed record MethodResults(string Method, IReadOnlyList<ShotResult> Points);
