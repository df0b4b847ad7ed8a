namespace Mentor.Features;

/// <summary>A file that gave no features, and why.</summary>
/// <param name="Path">The file as it was listed.</param>
/// <param name="Reason">Why it gave no features (for example "not an image" or the decoder's complaint), for reports.</param>
public sealed record SkippedFile(string Path, string Reason);
