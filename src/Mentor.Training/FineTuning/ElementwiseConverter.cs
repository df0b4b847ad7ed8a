using Onnx;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>Add, Sub, Mul, Div with numpy-style broadcasting (opset 7 and later semantics).</summary>
internal sealed class ElementwiseConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Add", "Sub", "Mul", "Div"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        if (context.Opset < 7 && node.Int("broadcast", 0) != 0)
            throw OnnxImportException.Unsupported(node, "legacy (opset < 7) broadcast with an axis");
        Func<Tensor, Tensor, Tensor> op = node.OpType switch
        {
            "Add" => (a, b) => a.add(b),
            "Sub" => (a, b) => a.sub(b),
            "Mul" => (a, b) => a.mul(b),
            _ => (a, b) => a.div(b),
        };
        return (inputs, _) => op(inputs[0]!, inputs[1]!);
    }
}
