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

    /// <summary>
    /// Whether <paramref name="name"/> names a registered backbone, a CNN <c>.onnx</c> file, or stages of one (<see cref="StageChoice"/>); cheap:
    /// nothing is loaded, so a stage name is only checked when the backbone is made.
    /// </summary>
    public static bool IsKnown(string name) =>
        name is not null && (Entries.ContainsKey(name) || OnnxFileBackbones.IsFile(name)
            || (StageChoice.TryParse(name, out var choice) && (Entries.ContainsKey(choice.Backbone) || OnnxFileBackbones.IsFile(choice.Backbone))));

    /// <summary>
    /// The spec registered as <paramref name="name"/> (or of a CNN <c>.onnx</c> file, see <see cref="OnnxFileBackbones"/>), or for <c>name:stage[+stage]</c> the spec of those stages' pooled outputs
    /// (derived once into <paramref name="cacheDirectory"/>, default <see cref="MentorPaths.DefaultCacheDirectory"/>).
    /// A <see cref="MentorException"/> lists the known names, or the stages found, otherwise.
    /// </summary>
    public static BackboneSpec Get(string name, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Entries.TryGetValue(name, out var create)) return create();
        if (StageChoice.TryParse(name, out var choice) && Entries.TryGetValue(choice.Backbone, out var whole))
            return StageBackbones.Create(whole(), choice.Stages, cacheDirectory);
        if (OnnxFileBackbones.IsFile(name)) return OnnxFileBackbones.Create(name, null, cacheDirectory);
        if (StageChoice.TryParse(name, out choice) && OnnxFileBackbones.IsFile(choice.Backbone))
            return OnnxFileBackbones.Create(choice.Backbone, choice.Stages, cacheDirectory);
        throw new MentorException($"unknown backbone '{name}'; available: {string.Join(", ", Names)}");
    }
}
