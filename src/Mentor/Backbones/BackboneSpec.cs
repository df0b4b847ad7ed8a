namespace Mentor.Backbones;

/// <summary>
/// A registry entry: where a pre-trained network's weights come from, which of its tensors to read,
/// and how its input must be prepared.
/// </summary>
/// <param name="Name">Registry key, e.g. <c>resnet18</c>.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="ModelPath">The ONNX file (absolute).</param>
/// <param name="InputName">The graph input fed with images.</param>
/// <param name="OutputName">The graph output read as the representation (last convolutional stage, pooled).</param>
/// <param name="FeatureSize">Length of the representation.</param>
/// <param name="Preprocessing">How images become the input tensor.</param>
/// <param name="Source">Where the weights come from and their licence.</param>
public sealed record BackboneSpec(
    string Name,
    string Description,
    string ModelPath,
    string InputName,
    string OutputName,
    int FeatureSize,
    PreprocessingSpec Preprocessing,
    string Source);
