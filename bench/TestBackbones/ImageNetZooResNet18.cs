namespace Mentor.TestBackbones;

/// <summary>
/// The built-in ResNet-18 as an ONNX Model Zoo classifier names it (MXNet Gluon export): input <c>data</c> [N,3,H,W], RGB
/// 0..1 with ImageNet mean/std; output <c>resnetv15_dense0_fwd</c>, 1000 random logits, no softmax. The Gemm's input
/// equals the built-in's features.
/// </summary>
public static class ImageNetZooResNet18
{
    public const string Name = "resnet18-imagenet-zoo";
    public const string InputName = "data";
    public const string OutputName = "resnetv15_dense0_fwd";

    /// <summary>The Gemm's input: the value the spec names as the feature.</summary>
    public const string PreLogitsName = "resnetv15_flatten0_reshape0";

    public static TestBackbone Build() => ResNet18WithClassifier.Build(new ClassifierNames(
        Name, InputName, OutputName, PreLogitsName, "resnetv15_dense0_weight", "resnetv15_dense0_bias", BatchName: "N", Seed: 15,
        "ResNet-18 (Mentor's built-in CNTK network) named as an ONNX Model Zoo classifier, with a random 1000-class classifier."));
}
