namespace Mentor.Backbones;

/// <summary>The built-in backbones, registered explicitly by name. Other backbones come as spec or ONNX files (<see cref="BackboneResolver"/>).</summary>
public static class BackboneRegistry
{
    private static readonly Dictionary<string, Func<BackboneSpec>> Entries = new(StringComparer.OrdinalIgnoreCase)
    {
        [ResNet18.Name] = ResNet18.Create,
    };

    /// <summary>The default backbone's name.</summary>
    public const string DefaultName = ResNet18.Name;

    /// <summary>Registered names, in ordinal order.</summary>
    public static IReadOnlyList<string> Names { get; } = Entries.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The spec registered as <paramref name="name"/>; a <see cref="MentorException"/> lists the known names otherwise.</summary>
    public static BackboneSpec Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entries.TryGetValue(name, out var create)
            ? create()
            : throw new MentorException($"unknown backbone '{name}'; available: {string.Join(", ", Names)}");
    }
}
