namespace Mentor.Data;

/// <summary>A dataset root holding split folders (train, validation, test) where class folders were expected.</summary>
/// <param name="root">The folder opened as a dataset.</param>
/// <param name="splits">The split folder names found in it (for example <c>train</c>, <c>test</c>).</param>
public sealed class SplitFoldersException(string root, IReadOnlyList<string> splits)
    : DatasetException($"{root}: holds split folders ({string.Join(", ", splits)}), not classes; open {Path.Combine(root, splits[^1])} as the dataset and the other splits as its validation and test sets.")
{
    /// <summary>The folder opened.</summary>
    public string Root { get; } = root;

    /// <summary>Its sub-folders named like splits.</summary>
    public IReadOnlyList<string> Splits { get; } = splits;
}
