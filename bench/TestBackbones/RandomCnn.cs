using Google.Protobuf;
using Mentor.Models.Export;
using Onnx;

namespace Mentor.TestBackbones;

/// <summary>
/// A small CNN with random weights, the "random-weights CNN" candidate for ranking: three Conv+Relu+MaxPool stages (the
/// second with BatchNormalization), a residual block (Add), GlobalAveragePool, Flatten and a 10-class Gemm. Input
/// <c>input</c> NCHW, RGB 0..1 with ImageNet mean/std; output <c>logits</c>. Only operators the fine-tuning importer loads.
/// </summary>
public static class RandomCnn
{
    public const string Name = "random-cnn";
    public const string FixedBatchName = Name + "-b1";
    public const string InputName = "input";
    public const string OutputName = "logits";

    /// <summary>The Gemm's input, [N, <see cref="Features"/>]: the pre-logits.</summary>
    public const string PreLogitsName = "/Flatten_output_0";

    public const int DefaultInputSize = 64;
    public const int Features = 64;
    public const int Classes = 10;
    private const ulong Seed = 64;
    private const long Opset = 13;
    private static readonly double[] PixelRange = [0, 1];

    /// <summary>Builds <c>random-cnn</c> (symbolic batch) or, with <paramref name="fixedBatch"/>, <c>random-cnn-b1</c> (batch 1).</summary>
    /// <param name="inputSize">Input side; a multiple of 8.</param>
    /// <param name="fixedBatch">Fix the batch dimension at 1, as some exporters do.</param>
    public static TestBackbone Build(int inputSize = DefaultInputSize, bool fixedBatch = false)
    {
        if (inputSize % 8 != 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "three 2x2 max pools need a multiple of 8");
        var name = fixedBatch ? FixedBatchName : Name;
        var batch = fixedBatch ? 1 : DeclaredOutput.SymbolicBatch;
        var outputs = new[] { new DeclaredOutput(OutputName, [batch, Classes]) };
        var graph = new GraphProto { Name = "random_cnn" };
        graph.Input.Add(TensorValue.Create(InputName, [batch, 3, inputSize, inputSize], Conventions.BatchName));
        var layers = new Layers(new GraphBuilder(graph, Opset), new SeededRandom(Seed));

        var x = layers.MaxPool("pool1", layers.Relu("relu1", layers.Conv("conv1", InputName, 3, 16, 3, pad: 1)));
        x = layers.MaxPool("pool2", layers.Relu("relu2", layers.BatchNorm("bn2", layers.Conv("conv2", x, 16, 32, 3, pad: 1), 32)));
        x = layers.MaxPool("pool3", layers.Relu("relu3", layers.Conv("conv3", x, 32, Features, 3, pad: 1)));
        var residual = layers.Conv("block.conv2", layers.Relu("block.relu1", layers.Conv("block.conv1", x, Features, Features, 3, pad: 1)), Features, Features, 3, pad: 1);
        x = layers.Relu("block.relu2", layers.Builder.Node("Add", "/block/Add_output_0", [x, residual]));
        x = layers.Builder.Node("GlobalAveragePool", "/avgpool/GlobalAveragePool_output_0", [x]);
        layers.Builder.Node("Flatten", PreLogitsName, [x], GraphBuilder.Int("axis", 1));
        layers.Linear("fc", OutputName, PreLogitsName, Features, Classes);
        graph.Output.AddRange(outputs.Select(o => TensorValue.Create(o, Conventions.BatchName)));

        var model = Layers.Model(graph, Opset, "A small CNN with random (seeded) weights: Mentor's random-weights candidate for ranking.");
        var spec = new TestBackboneSpec(name, name + ".onnx", [3, inputSize, inputSize], "NCHW", "RGB", PixelRange,
            TestBackboneSpec.ImageNetMean, TestBackboneSpec.ImageNetStd, "bilinear", CropPct: 0.875, PreLogitsName, "none");
        return new TestBackbone(name, model.ToByteArray(), spec, outputs);
    }
}
