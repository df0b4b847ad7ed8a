namespace Mentor.Training.Tests;

/// <summary>
/// Test classes that run libtorch: its thread count is process-wide (every trainer scopes it), so they run one at a
/// time; test classes outside this collection run in parallel with them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LibtorchCollection
{
    public const string Name = "libtorch";
}
