using Mentor.Models.Export;
using Onnx;

namespace Mentor.TestBackbones;

/// <summary>Random-weights layers for the small test networks, with PyTorch-style initializer names (<c>conv1.weight</c>).</summary>
internal sealed class Layers(GraphBuilder builder, SeededRandom random)
{
    public GraphBuilder Builder { get; } = builder;

    /// <summary>A square convolution with bias, He-uniform weights.</summary>
    public string Conv(string name, string input, int inChannels, int outChannels, int kernel, int stride = 1, int pad = 0)
    {
        var fanIn = inChannels * kernel * kernel;
        var weight = Builder.Constant(name + ".weight", random.HeUniform(outChannels * fanIn, fanIn), outChannels, inChannels, kernel, kernel);
        var bias = Builder.Constant(name + ".bias", random.Uniform(outChannels, 1f / MathF.Sqrt(fanIn)), outChannels);
        return Builder.Node("Conv", $"/{name}/Conv_output_0", [input, weight, bias],
            GraphBuilder.Ints("kernel_shape", kernel, kernel), GraphBuilder.Ints("strides", stride, stride), GraphBuilder.Ints("pads", pad, pad, pad, pad));
    }

    /// <summary>Batch normalisation with random statistics near (0, 1), so that it does something.</summary>
    public string BatchNorm(string name, string input, int channels)
    {
        var scale = Builder.Constant(name + ".weight", random.Uniform(channels, 0.2f).Select(v => 1 + v).ToArray(), channels);
        var bias = Builder.Constant(name + ".bias", random.Uniform(channels, 0.1f), channels);
        var mean = Builder.Constant(name + ".running_mean", random.Uniform(channels, 0.1f), channels);
        var variance = Builder.Constant(name + ".running_var", random.Uniform(channels, 0.2f).Select(v => 1 + v).ToArray(), channels);
        return Builder.Node("BatchNormalization", $"/{name}/BatchNormalization_output_0", [input, scale, bias, mean, variance], Float("epsilon", 1e-5f));
    }

    public string Relu(string name, string input) => Builder.Node("Relu", $"/{name}/Relu_output_0", [input]);

    public string MaxPool(string name, string input) => Builder.Node("MaxPool", $"/{name}/MaxPool_output_0", [input],
        GraphBuilder.Ints("kernel_shape", 2, 2), GraphBuilder.Ints("strides", 2, 2));

    /// <summary>A fully connected layer, <c>y = x W^T + b</c> as PyTorch exports it (Gemm, transB = 1), on [N, in].</summary>
    public string Linear(string name, string output, string input, int inFeatures, int outFeatures)
    {
        var bound = 1f / MathF.Sqrt(inFeatures);
        var weight = Builder.Constant(name + ".weight", random.Uniform(outFeatures * inFeatures, bound), outFeatures, inFeatures);
        var bias = Builder.Constant(name + ".bias", random.Uniform(outFeatures, bound), outFeatures);
        return Builder.Node("Gemm", output, [input, weight, bias], GraphBuilder.Int("transB", 1));
    }

    /// <summary><c>x W + b</c> on the last axis of [N, T, in] (MatMul then Add, as transformer exports write it).</summary>
    public string MatMulAdd(string name, string input, int inFeatures, int outFeatures)
    {
        var bound = 1f / MathF.Sqrt(inFeatures);
        var weight = Builder.Constant(name + ".weight", random.Uniform(inFeatures * outFeatures, bound), inFeatures, outFeatures);
        var bias = Builder.Constant(name + ".bias", random.Uniform(outFeatures, bound), outFeatures);
        var product = Builder.Node("MatMul", $"/{name}/MatMul_output_0", [input, weight]);
        return Builder.Node("Add", $"/{name}/Add_output_0", [product, bias]);
    }

    /// <summary>Layer normalisation over the last axis (opset 17), weight 1 and bias 0 as initialised.</summary>
    public string LayerNorm(string name, string input, int features, string? output = null)
    {
        var scale = Builder.Constant(name + ".weight", Enumerable.Repeat(1f, features).ToArray(), features);
        var bias = Builder.Constant(name + ".bias", new float[features], features);
        return Builder.Node("LayerNormalization", output ?? $"/{name}/LayerNormalization_output_0", [input, scale, bias],
            GraphBuilder.Int("axis", -1), Float("epsilon", 1e-6f));
    }

    /// <summary>Exact GELU, <c>0.5 x (1 + erf(x / sqrt 2))</c>, written out as exports before opset 20 do.</summary>
    public string Gelu(string name, string input)
    {
        var scaled = Builder.Node("Div", $"/{name}/Div_output_0", [input, Builder.Constant($"/{name}/sqrt2", [MathF.Sqrt(2)])]);
        var erf = Builder.Node("Erf", $"/{name}/Erf_output_0", [scaled]);
        var onePlus = Builder.Node("Add", $"/{name}/Add_output_0", [erf, Builder.Constant($"/{name}/one", [1f])]);
        var times = Builder.Node("Mul", $"/{name}/Mul_output_0", [input, onePlus]);
        return Builder.Node("Mul", $"/{name}/Mul_1_output_0", [times, Builder.Constant($"/{name}/half", [0.5f])]);
    }

    /// <summary>A model around <paramref name="graph"/> at default-domain <paramref name="opset"/>.</summary>
    public static ModelProto Model(GraphProto graph, long opset, string docString)
    {
        var model = new ModelProto { IrVersion = opset >= 17 ? 8 : 7, ProducerName = "Mentor.TestBackbones", DocString = docString, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    private static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };
}
