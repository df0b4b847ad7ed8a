using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>
/// Small ONNX graphs built with OnnxSharp types. <see cref="AllOperators"/> exercises every supported operator
/// other than ResNet-18's (opset 14: HardSwish entered ONNX at 14; nothing else differs from 13 here).
/// </summary>
internal static class SyntheticGraph
{
    public const string Input = "x";
    public const string Output = "y";
    public static readonly long[] InputShape = [2, 4, 10, 10];

    public static ModelProto AllOperators(int seed = 7)
    {
        var random = new Random(seed);
        var g = new GraphProto { Name = "synthetic" };
        g.Input.Add(Value(Input, InputShape));
        g.Output.Add(Value(Output, [2, 3]));
        Weights(g, random, "w1", 8, 2, 3, 3);
        Weights(g, random, "b1", 8);
        Node(g, "Conv", "conv_grouped", ["x", "w1", "b1"], "c1", Int("group", 2), Ints("dilations", 2, 2), Ints("pads", 2, 1, 1, 2), Ints("strides", 1, 1));
        Weights(g, random, "bn_scale", 8);
        Weights(g, random, "bn_bias", 8);
        Weights(g, random, "bn_mean", 8);
        Floats(g, "bn_var", [.. Enumerable.Range(0, 8).Select(_ => 0.5f + random.NextSingle())], 8);
        Node(g, "BatchNormalization", "bn", ["c1", "bn_scale", "bn_bias", "bn_mean", "bn_var"], "normed", Float("epsilon", 1e-3f));
        Floats(g, "clip_min", [-1f]);
        Floats(g, "clip_max", [2f]);
        Node(g, "Clip", "clip", ["normed", "clip_min", "clip_max"], "a1");
        Node(g, "HardSigmoid", "hard_sigmoid", ["a1"], "h1", Float("alpha", 0.3f), Float("beta", 0.4f));
        Node(g, "HardSwish", "hard_swish", ["c1"], "h2");
        Node(g, "Sigmoid", "sigmoid", ["h2"], "s1");
        Node(g, "Mul", "mul", ["h1", "s1"], "m1");
        Weights(g, random, "channel_scale", 8, 1, 1);
        Node(g, "Mul", "mul_broadcast", ["m1", "channel_scale"], "m2");
        Weights(g, random, "channel_bias", 1, 8, 1, 1);
        Node(g, "Add", "add_broadcast", ["m2", "channel_bias"], "a2");
        Node(g, "Relu", "relu", ["a2"], "r1");
        Node(g, "AveragePool", "average_pool", ["r1"], "p1", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1));
        Node(g, "AveragePool", "average_pool_end_pads", ["r1"], "p2", Ints("kernel_shape", 2, 2), Ints("strides", 2, 2), Ints("pads", 0, 0, 1, 1));
        Node(g, "AveragePool", "average_pool_with_pads", ["r1"], "p3", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 0, 1, 2, 1), Int("count_include_pad", 1));
        Node(g, "MaxPool", "max_pool", ["r1"], "p4", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Ints("pads", 1, 1, 1, 1));
        Node(g, "Concat", "concat", ["p1", "p2", "p3", "p4"], "cat", Int("axis", 1));
        Longs(g, "pads", [0, 0, 1, 0, 0, 0, 0, 1], 8);
        Floats(g, "pad_value", [0.5f]);
        Node(g, "Pad", "pad", ["cat", "pads", "pad_value"], "padded");
        Node(g, "GlobalAveragePool", "global_pool", ["padded"], "gap");
        Longs(g, "shape", [0, -1], 2);
        Node(g, "Reshape", "reshape", ["gap", "shape"], "flat_gap");
        Weights(g, random, "gemm_w", 5, 32);
        Weights(g, random, "gemm_c", 5);
        Node(g, "Gemm", "gemm", ["flat_gap", "gemm_w", "gemm_c"], "g1", Float("alpha", 0.7f), Float("beta", 1.3f), Int("transB", 1));
        Node(g, "Dropout", "dropout", ["g1"], "d1");
        Weights(g, random, "matmul_w", 5, 3);
        Node(g, "MatMul", "matmul", ["d1", "matmul_w"], "mm1");
        Node(g, "Flatten", "flatten", ["padded"], "flat");
        Weights(g, random, "flat_w", 32 * 36, 3);
        Node(g, "MatMul", "matmul_flat", ["flat", "flat_w"], "mm2");
        Node(g, "Add", "sum", ["mm1", "mm2"], Output);
        return Model(g, 14);
    }

    /// <summary>Operator forms of older opsets (10): Clip and Pad attributes, Conv auto_pad, MaxPool ceil_mode, Dropout ratio.</summary>
    public static ModelProto LegacyForms(int seed = 11)
    {
        var random = new Random(seed);
        var g = new GraphProto { Name = "legacy" };
        g.Input.Add(Value(Input, InputShape));
        g.Output.Add(Value(Output, [2, 3]));
        Weights(g, random, "w", 6, 4, 3, 3);
        Node(g, "Conv", "conv_same", ["x", "w"], "c", Ints("strides", 2, 2), String("auto_pad", "SAME_UPPER"));
        Node(g, "Clip", "clip", ["c"], "clipped", Float("min", -0.5f), Float("max", 0.5f));
        Node(g, "Pad", "pad_reflect", ["clipped"], "padded", Ints("pads", 0, 0, 1, 2, 0, 0, 2, 1), String("mode", "reflect"));
        Node(g, "MaxPool", "pool_ceil", ["padded"], "pooled", Ints("kernel_shape", 3, 3), Ints("strides", 2, 2), Int("ceil_mode", 1));
        Node(g, "Dropout", "dropout", ["pooled"], "dropped", Float("ratio", 0.3f));
        Node(g, "Flatten", "flatten", ["dropped"], "flat", Int("axis", 1));
        Weights(g, random, "gemm_w", 6 * 16, 3);
        Weights(g, random, "gemm_c", 3);
        Node(g, "Gemm", "gemm", ["flat", "gemm_w", "gemm_c"], Output, Int("transA", 0));
        return Model(g, 10);
    }

    /// <summary>A one-node graph (opset 13) whose node uses <paramref name="operatorType"/>.</summary>
    public static ModelProto SingleNode(string operatorType, string nodeName)
    {
        var g = new GraphProto { Name = "single" };
        g.Input.Add(Value(Input, [2, 3]));
        g.Output.Add(Value(Output, [2]));
        var node = Node(g, operatorType, nodeName, [Input], Output);
        node.Attribute.Add(new AttributeProto { Name = "equation", Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8("ij->i") });
        return Model(g, 13);
    }

    public static float[] RandomInput(int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, (int)InputShape.Aggregate((a, b) => a * b)).Select(_ => random.NextSingle() * 4 - 2)];
    }

    private static ModelProto Model(GraphProto graph, long opset)
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "mentor-tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    private static NodeProto Node(GraphProto g, string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        g.Node.Add(node);
        return node;
    }

    private static void Weights(GraphProto g, Random random, string name, params long[] dims)
    {
        long fanIn = dims.Length > 1 ? dims.Skip(1).Aggregate((a, b) => a * b) : 1;
        var scale = 1 / MathF.Sqrt(fanIn);
        var count = (int)dims.Aggregate((a, b) => a * b);
        Floats(g, name, [.. Enumerable.Range(0, count).Select(_ => (random.NextSingle() * 2 - 1) * scale * 1.7f)], dims);
    }

    private static void Floats(GraphProto g, string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        g.Initializer.Add(tensor);
    }

    private static void Longs(GraphProto g, string name, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.AddRange(values);
        tensor.Dims.AddRange(dims);
        g.Initializer.Add(tensor);
    }

    private static ValueInfoProto Value(string name, long[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } } };
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }
}
