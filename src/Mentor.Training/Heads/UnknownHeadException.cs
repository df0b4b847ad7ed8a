namespace Mentor.Training.Heads;

/// <summary>A head kind asked for by a name that <see cref="HeadRegistry"/> does not list.</summary>
/// <param name="name">The name asked for.</param>
/// <param name="known">The names that exist, listed in the message.</param>
public sealed class UnknownHeadException(string name, IReadOnlyList<string> known)
    : MentorException($"no head kind is called '{name}'; use one of {string.Join(", ", known)}.")
{
    /// <summary>The name asked for.</summary>
    public string Name { get; } = name;

    /// <summary>The names that exist (<see cref="HeadRegistry.Names"/>).</summary>
    public IReadOnlyList<string> Known { get; } = known;
}
