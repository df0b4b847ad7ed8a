namespace Mentor.Features;

/// <summary>A file that gave no features, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
