namespace Mentor.Backbones;

/// <summary>
/// Turns a backbone string into a spec: a built-in name (<see cref="BackboneRegistry"/>), a spec file (<c>.json</c>,
/// <see cref="BackboneSpecFile"/>), or an ONNX file (spec detected by <see cref="BackboneDetector"/>; a Mentor model
/// file gives its <c>features</c>), or stages of any of these (<c>name:layer3</c>, <c>name:layer3+layer4</c>,
/// <see cref="StageBackbones"/>). The one place a backbone string is interpreted.
/// </summary>
public static class BackboneResolver
{
    /// <summary>Resolves <paramref name="backbone"/>.</summary>
    /// <exception cref="MentorException">Not a known name nor an existing file; or the file or spec is unusable.</exception>
    /// <param name="backbone">The backbone string.</param>
    /// <param name="cacheDirectory">Where derived stage graphs are kept (default <see cref="MentorPaths.DefaultCacheDirectory"/>).</param>
    public static ResolvedBackbone Resolve(string backbone, string? cacheDirectory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backbone);
        if (!File.Exists(backbone) && StageChoice.TryParse(backbone, out var choice))
        {
            var whole = Resolve(choice.Backbone, cacheDirectory);
            var stages = StageBackbones.Create(whole.Spec, choice.Stages, cacheDirectory);
            return whole with { Spec = stages, Findings = [.. whole.Findings, $"stages {string.Join('+', choice.Stages)}: {stages.Description}"] };
        }
        if (BackboneRegistry.Names.Contains(backbone, StringComparer.OrdinalIgnoreCase))
        {
            var spec = BackboneRegistry.Get(backbone);
            return new ResolvedBackbone(spec, [$"built-in backbone '{spec.Name}': {spec.Description}"], []);
        }
        if (backbone.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return BackboneSpecFile.Read(backbone);
        if (File.Exists(backbone))
            return BackboneDetector.Detect(backbone);
        throw new MentorException(
            $"unknown backbone '{backbone}'; available: {string.Join(", ", BackboneRegistry.Names)}, or the path of a spec .json or an .onnx file.");
    }

    /// <summary>The spec of <paramref name="backbone"/> (see <see cref="Resolve"/>).</summary>
    public static BackboneSpec Spec(string backbone, string? cacheDirectory = null) => Resolve(backbone, cacheDirectory).Spec;

    /// <summary>
    /// Whether <paramref name="backbone"/> can name a backbone without loading anything: a built-in name, an existing file,
    /// or stages of either (the stage names themselves are checked when the backbone is made).
    /// </summary>
    public static bool IsKnown(string backbone) =>
        !string.IsNullOrWhiteSpace(backbone)
        && (BackboneRegistry.Names.Contains(backbone, StringComparer.OrdinalIgnoreCase) || File.Exists(backbone)
            || (StageChoice.TryParse(backbone, out var choice) && IsKnown(choice.Backbone)));
}
