namespace Mentor.Reports;

/// <summary>Several methods trained on growing numbers of examples per class.</summary>
public sealed record ShotsComparison(IReadOnlyList<MethodResults> Methods);
