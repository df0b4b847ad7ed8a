namespace Mentor.TestBackbones;

/// <summary>
/// The built-in ResNet-18 in torchvision's convention: input <c>input</c> [N,3,H,W], RGB scaled to 0..1 then normalised
/// with ImageNet mean/std; output <c>logits</c> [N,1000] from a random 1000-class Gemm. Inside, nodes undo the
/// normalisation exactly and feed the original network, so the Gemm's input (the pre-logits) equals the built-in's features.
/// </summary>
public static class TorchvisionResNet18
{
    public const string Name = "resnet18-torchvision";
    public const string InputName = "input";
    public const string OutputName = "logits";

    /// <summary>The Gemm's input, [N,512]: the value the spec names as the feature.</summary>
    public const string PreLogitsName = "/Flatten_output_0";

    public static TestBackbone Build() => ResNet18WithClassifier.Build(new ClassifierNames(
        Name, InputName, OutputName, PreLogitsName, "fc.weight", "fc.bias", Conventions.BatchName, Seed: 18,
        "ResNet-18 (Mentor's built-in CNTK network) re-wrapped in torchvision's convention, with a random 1000-class classifier."));
}
