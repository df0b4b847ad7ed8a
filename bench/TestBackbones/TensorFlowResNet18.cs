using Google.Protobuf;
using Mentor.Models.Export;

namespace Mentor.TestBackbones;

/// <summary>
/// The built-in ResNet-18 in a TensorFlow/Keras export's convention: input <c>input_1</c> NHWC [1,H,W,3] (fixed batch 1),
/// RGB scaled to -1..1; output <c>conv5_block2_out</c>, the last stage's un-pooled map, NHWC [1,h,w,C]. Averaging that map
/// over space gives the built-in's features.
/// </summary>
public static class TensorFlowResNet18
{
    public const string Name = "resnet18-tensorflow";
    public const string InputName = "input_1";
    public const string OutputName = "conv5_block2_out";
    private static readonly double[] PixelRange = [-1, 1];
    private static readonly double[] Zero = [0, 0, 0];
    private static readonly double[] One = [1, 1, 1];

    public static TestBackbone Build()
    {
        var network = BuiltInResNet18Graph.Load();
        var size = network.InputSize;
        var map = network.FeatureMapSize;
        var outputs = new[] { new DeclaredOutput(OutputName, [1, map, map, network.Channels]) };
        var model = network.Wrap(
            TensorValue.Create(InputName, [1, size, size, 3], Conventions.BatchName),
            builder =>
            {
                var nchw = builder.Node("Transpose", "input_nchw", [InputName], GraphBuilder.Ints("perm", 0, 3, 1, 2));
                return Conventions.UndoMeanStd(builder, nchw, Zero, One, PixelRange);
            },
            keepFinalPool: false,
            (builder, featureMap) =>
            {
                builder.Node("Transpose", OutputName, [featureMap], GraphBuilder.Ints("perm", 0, 2, 3, 1));
                return outputs.Select(o => TensorValue.Create(o, Conventions.BatchName));
            },
            "ResNet-18 (Mentor's built-in CNTK network) re-wrapped in a TensorFlow export's convention: NHWC, -1..1, un-pooled map out.");
        var spec = new TestBackboneSpec(Name, Name + ".onnx", [3, size, size], "NHWC", "RGB", PixelRange, Zero, One,
            "bilinear", CropPct: 1.0, OutputName, "avg");
        return new TestBackbone(Name, model.ToByteArray(), spec, outputs);
    }
}
