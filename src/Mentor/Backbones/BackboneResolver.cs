namespace Mentor.Backbones;

/// <summary>
/// Turns a backbone string into a spec: a built-in name (<see cref="BackboneRegistry"/>), a spec file (<c>.json</c>,
/// <see cref="BackboneSpecFile"/>), or an ONNX file (spec detected by <see cref="BackboneDetector"/>; a Mentor model
/// file gives its <c>features</c>). The one place a backbone string is interpreted.
/// </summary>
public static class BackboneResolver
{
    /// <summary>Resolves <paramref name="backbone"/>.</summary>
    /// <exception cref="MentorException">Not a known name nor an existing file; or the file or spec is unusable.</exception>
    public static ResolvedBackbone Resolve(string backbone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(backbone);
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
    public static BackboneSpec Spec(string backbone) => Resolve(backbone).Spec;
}
