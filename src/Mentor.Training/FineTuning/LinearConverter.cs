using Onnx;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>Gemm (<c>alpha * A' B' + beta * C</c> with transA, transB, broadcast C) and MatMul (numpy semantics).</summary>
internal sealed class LinearConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Gemm", "MatMul"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        if (node.OpType == "MatMul")
            return (inputs, _) => inputs[0]!.matmul(inputs[1]!);
        double alpha = node.Float("alpha", 1f), beta = node.Float("beta", 1f);
        bool transA = node.Int("transA", 0) != 0, transB = node.Int("transB", 0) != 0;
        return (inputs, _) =>
        {
            using var a = transA ? inputs[0]!.t() : inputs[0]!.alias();
            using var b = transB ? inputs[1]!.t() : inputs[1]!.alias();
            using var product = a.matmul(b);
            using var scaled = alpha == 1 ? product.alias() : product.mul(alpha);
            if (inputs.Length < 3 || inputs[2] is not { } c) return scaled.alias();
            return beta == 1 ? scaled.add(c) : scaled.add(c, beta);
        };
    }
}
