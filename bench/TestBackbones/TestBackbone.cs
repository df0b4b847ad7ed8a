namespace Mentor.TestBackbones;

/// <summary>A generated test backbone: the ONNX model's bytes, its spec, and the outputs it declares.</summary>
/// <param name="Name">File stem and spec name, e.g. <c>resnet18-torchvision</c>.</param>
/// <param name="Model">The serialised ONNX model; the same bytes on every build.</param>
/// <param name="Spec">The spec written next to the model.</param>
/// <param name="Outputs">The graph outputs and their shapes.</param>
public sealed record TestBackbone(string Name, byte[] Model, TestBackboneSpec Spec, IReadOnlyList<DeclaredOutput> Outputs)
{
    public string ModelFileName => Name + ".onnx";

    public string SpecFileName => Name + ".json";

    /// <summary>Writes <c>&lt;name&gt;.onnx</c> and <c>&lt;name&gt;.json</c> into <paramref name="directory"/> (created if needed), each atomically.</summary>
    /// <returns>The spec file's path.</returns>
    public string WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.WriteAllBytes(Path.Combine(directory, ModelFileName), Model);
        var specPath = Path.Combine(directory, SpecFileName);
        AtomicFile.WriteAllBytes(specPath, System.Text.Encoding.UTF8.GetBytes(Spec.ToJson()));
        return specPath;
    }
}
