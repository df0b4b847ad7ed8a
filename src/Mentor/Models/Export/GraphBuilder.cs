using Google.Protobuf;
using Onnx;

namespace Mentor.Models.Export;

/// <summary>
/// Small helpers to add nodes and constants to an ONNX graph. Operators whose form changed between opsets
/// (TopK, Slice, ReduceSum) are written in the form of the graph's <see cref="Opset"/>.
/// </summary>
internal sealed class GraphBuilder(GraphProto graph, long opset = 8)
{
    public GraphProto Graph { get; } = graph;

    /// <summary>The default-domain opset of the graph: 8 for the fp32 CNTK backbone, 13 for an int8 one.</summary>
    public long Opset { get; } = opset;

    /// <summary>TopK along <paramref name="axis"/>: k is an attribute up to opset 9, an int64 [1] input from 10.</summary>
    public string TopK(string[] outputs, string input, long k, long axis) => Opset < 10
        ? Node("TopK", outputs, [input], Int("k", k), Int("axis", axis))
        : Node("TopK", outputs, [input, Constant(outputs[0] + "_k", new[] { k }, 1)], Int("axis", axis));

    /// <summary>Slice of one axis: starts/ends/axes are attributes up to opset 9, int64 inputs from 10.</summary>
    public string Slice(string output, string input, long start, long end, long axis) => Opset < 10
        ? Node("Slice", output, [input], Ints("starts", start), Ints("ends", end), Ints("axes", axis))
        : Node("Slice", output, [input, Constant(output + "_starts", new[] { start }, 1), Constant(output + "_ends", new[] { end }, 1), Constant(output + "_axes", new[] { axis }, 1)]);

    /// <summary>ReduceSum over one axis, dimensions kept: axes is an attribute up to opset 12, an int64 input from 13.</summary>
    public string ReduceSum(string output, string input, long axis) => Opset < 13
        ? Node("ReduceSum", output, [input], Ints("axes", axis), Int("keepdims", 1))
        : Node("ReduceSum", output, [input, Constant(output + "_axes", new[] { axis }, 1)], Int("keepdims", 1));

    public string Constant(string name, float[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }

    public string Constant(string name, long[] values, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Int64Data.AddRange(values);
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>Adds a node; returns its (first) output name.</summary>
    public string Node(string opType, string output, string[] inputs, params AttributeProto[] attributes) =>
        Node(opType, [output], inputs, attributes);

    /// <summary>Adds a node with several outputs; returns the first.</summary>
    public string Node(string opType, string[] outputs, string[] inputs, params AttributeProto[] attributes)
    {
        Graph.Node.Add(Quantization.Tensors.Node(opType, "mentor_" + outputs[0], inputs, outputs, attributes));
        return outputs[0];
    }

    public static AttributeProto Int(string name, long value) => Quantization.Tensors.IntAttribute(name, value);

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    /// <summary>A float tensor value description with a symbolic batch dimension N.</summary>
    public static ValueInfoProto BatchTensor(string name, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        foreach (var d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
