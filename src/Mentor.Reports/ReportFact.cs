namespace Mentor.Reports;

/// <summary>One row of the summary table: a label and its value, both as display text.</summary>
public sealed record ReportFact(string Label, string Value);
