using Mentor.Data;

namespace Mentor.Features;

/// <summary>A strict extraction met files that gave no features.</summary>
/// <param name="root">The dataset folder extracted.</param>
/// <param name="skipped">The files that gave no features, and why; at least one (the message names the first).</param>
public sealed class UnusableFilesException(string root, IReadOnlyList<SkippedFile> skipped)
    : DatasetException($"{skipped[0].Path}: {skipped[0].Reason} ({skipped.Count} unusable file(s) in {root}); remove them, or extract without strictness to skip them.")
{
    /// <summary>The dataset folder.</summary>
    public string Root { get; } = root;

    /// <summary>Every unusable file and why.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; } = skipped;
}
