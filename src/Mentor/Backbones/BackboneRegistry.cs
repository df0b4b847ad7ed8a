namespace Mentor.Backbones;

/// <summary>The built-in backbones, registered explicitly by name.</summary>
public static class BackboneRegistry
{
    private static readonly Dictionary<string, Func<BackboneSpec>> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["resnet18"] = ResNet18.Create,
    };

    /// <summary>The default backbone's name.</summary>
    public const string DefaultName = "resnet18";

    /// <summary>Registered names, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>Whether <paramref name="name"/> names a registered backbone (cheap: nothing is loaded).</summary>
    public static bool IsKnown(string name) => name is not null && Entries.ContainsKey(name);

    /// <summary>The spec registered as <paramref name="name"/>; a <see cref="MentorException"/> lists the known names otherwise.</summary>
    public static BackboneSpec Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entries.TryGetValue(name, out var create)
            ? create()
            : throw new MentorException($"unknown backbone '{name}'; available: {string.Join(", ", Names)}");
    }
}
