using Google.Protobuf;
using Mentor.Models.Export;

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

    /// <summary>The Gemm's input, [N,512]: the value a spec names as the feature.</summary>
    public const string PreLogitsName = "/Flatten_output_0";

    public const int Classes = 1000;
    private const ulong Seed = 18;
    private static readonly double[] PixelRange = [0, 1];

    public static TestBackbone Build()
    {
        var network = BuiltInResNet18Graph.Load();
        var size = network.InputSize;
        var outputs = new[] { new DeclaredOutput(OutputName, [DeclaredOutput.SymbolicBatch, Classes]) };
        var model = network.Wrap(
            TensorValue.Create(InputName, [DeclaredOutput.SymbolicBatch, 3, size, size], Conventions.BatchName),
            builder => Conventions.UndoMeanStd(builder, InputName, TestBackboneSpec.ImageNetMean, TestBackboneSpec.ImageNetStd, PixelRange),
            keepFinalPool: true,
            (builder, features) =>
            {
                builder.Node("Flatten", PreLogitsName, [features], GraphBuilder.Int("axis", 1));
                var random = new SeededRandom(Seed);
                var bound = 1f / MathF.Sqrt(network.Channels);
                var weight = builder.Constant("fc.weight", random.Uniform(Classes * network.Channels, bound), Classes, network.Channels);
                var bias = builder.Constant("fc.bias", random.Uniform(Classes, bound), Classes);
                builder.Node("Gemm", OutputName, [PreLogitsName, weight, bias], GraphBuilder.Int("transB", 1));
                return outputs.Select(o => TensorValue.Create(o, Conventions.BatchName));
            },
            "ResNet-18 (Mentor's built-in CNTK network) re-wrapped in torchvision's convention, with a random 1000-class classifier.");
        var spec = new TestBackboneSpec(Name, Name + ".onnx", [3, size, size], "NCHW", "RGB", PixelRange,
            TestBackboneSpec.ImageNetMean, TestBackboneSpec.ImageNetStd, "bilinear", CropPct: 1.0, PreLogitsName, "none");
        return new TestBackbone(Name, model.ToByteArray(), spec, outputs);
    }
}
