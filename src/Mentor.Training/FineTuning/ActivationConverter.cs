using Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>Relu, Sigmoid, HardSigmoid (alpha, beta), HardSwish, Clip (min/max attributes before opset 11, inputs from 11).</summary>
internal sealed class ActivationConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Relu", "Sigmoid", "HardSigmoid", "HardSwish", "Clip"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        switch (node.OpType)
        {
            case "Relu":
                return (inputs, _) => F.relu(inputs[0]!);
            case "Sigmoid":
                return (inputs, _) => inputs[0]!.sigmoid();
            case "HardSwish":
                return (inputs, _) => F.hardswish(inputs[0]!);
            case "HardSigmoid":
                double alpha = node.Float("alpha", 0.2f), beta = node.Float("beta", 0.5f);
                return (inputs, _) =>
                {
                    using var scaled = inputs[0]!.mul(alpha);
                    using var shifted = scaled.add(beta);
                    return shifted.clamp(0.0, 1.0);
                };
            default:
                return Clip(node, context);
        }
    }

    private static NodeKernel Clip(NodeProto node, ImportContext context)
    {
        if (context.Opset < 11)
        {
            double min = node.Float("min", float.NegativeInfinity), max = node.Float("max", float.PositiveInfinity);
            return (inputs, _) => inputs[0]!.clamp(min, max);
        }
        string? minName = node.OptionalInput(1), maxName = node.OptionalInput(2);
        double? constantMin = context.ConstantScalar(minName), constantMax = context.ConstantScalar(maxName);
        return (inputs, _) =>
        {
            double? min = constantMin ?? (minName is null ? null : Scalar(inputs[1]!));
            double? max = constantMax ?? (maxName is null ? null : Scalar(inputs[2]!));
            var x = inputs[0]!;
            return (min, max) switch
            {
                ({ } lo, { } hi) => x.clamp(lo, hi),
                ({ } lo, null) => x.clamp_min(lo),
                (null, { } hi) => x.clamp_max(hi),
                _ => x.alias(),
            };
        };
    }

    private static double Scalar(Tensor tensor)
    {
        using var value = tensor.to_type(ScalarType.Float64);
        return value.item<double>();
    }
}
