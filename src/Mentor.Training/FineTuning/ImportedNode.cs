using Onnx;

namespace Mentor.Training.FineTuning;

/// <summary>One node of an imported ONNX graph, in the graph's topological order.</summary>
public sealed class ImportedNode
{
    internal ImportedNode(int index, NodeProto proto, NodeKernel kernel)
    {
        Index = index;
        Proto = proto;
        Kernel = kernel;
        Inputs = [.. proto.Input];
        Outputs = [.. proto.Output];
    }

    /// <summary>Position in the (pruned) graph's node list.</summary>
    public int Index { get; }

    /// <summary>The ONNX node name (may be empty in graphs that do not name nodes).</summary>
    public string Name => Proto.Name;

    /// <summary>The ONNX operator, for example <c>Conv</c> or <c>Relu</c>.</summary>
    public string OperatorType => Proto.OpType;

    /// <summary>Names of the values the node reads, in operator order (an empty name is an omitted optional input).</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Names of the values the node writes, in operator order.</summary>
    public IReadOnlyList<string> Outputs { get; }

    internal NodeProto Proto { get; }

    internal NodeKernel Kernel { get; }

    /// <summary>The node's name and operator, for messages: <c>name (OpType)</c>.</summary>
    public override string ToString() => $"{Name} ({OperatorType})";
}
