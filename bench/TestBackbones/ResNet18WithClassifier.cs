using Google.Protobuf;
using Mentor.Models.Export;

namespace Mentor.TestBackbones;

/// <summary>
/// The built-in ResNet-18 behind an NCHW input in RGB 0..1 with ImageNet mean/std, with Flatten and a random 1000-class
/// Gemm (no softmax) on top: the form torchvision and the ONNX Model Zoo share, under each one's names.
/// </summary>
internal static class ResNet18WithClassifier
{
    public const int Classes = 1000;
    private static readonly double[] PixelRange = [0, 1];

    public static TestBackbone Build(ClassifierNames names)
    {
        var network = BuiltInResNet18Graph.Load();
        var size = network.InputSize;
        var outputs = new[] { new DeclaredOutput(names.Output, [DeclaredOutput.SymbolicBatch, Classes]) };
        var model = network.Wrap(
            TensorValue.Create(names.Input, [DeclaredOutput.SymbolicBatch, 3, size, size], names.BatchName),
            builder => Conventions.UndoMeanStd(builder, names.Input, TestBackboneSpec.ImageNetMean, TestBackboneSpec.ImageNetStd, PixelRange),
            keepFinalPool: true,
            (builder, features) =>
            {
                builder.Node("Flatten", names.PreLogits, [features], GraphBuilder.Int("axis", 1));
                var random = new SeededRandom(names.Seed);
                var bound = 1f / MathF.Sqrt(network.Channels);
                var weight = builder.Constant(names.Weight, random.Uniform(Classes * network.Channels, bound), Classes, network.Channels);
                var bias = builder.Constant(names.Bias, random.Uniform(Classes, bound), Classes);
                builder.Node("Gemm", names.Output, [names.PreLogits, weight, bias], GraphBuilder.Int("transB", 1));
                return outputs.Select(o => TensorValue.Create(o, names.BatchName));
            },
            names.DocString);
        var spec = new TestBackboneSpec(names.Name, names.Name + ".onnx", [3, size, size], "NCHW", "RGB", PixelRange,
            TestBackboneSpec.ImageNetMean, TestBackboneSpec.ImageNetStd, "bilinear", CropPct: 1.0, names.PreLogits, "none");
        return new TestBackbone(names.Name, model.ToByteArray(), spec, outputs);
    }
}
