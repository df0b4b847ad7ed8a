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

    public string OperatorType => Proto.OpType;

    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    internal NodeProto Proto { get; }

    internal NodeKernel Kernel { get; }

    public override string ToString() => $"{Name} ({OperatorType})";
}
