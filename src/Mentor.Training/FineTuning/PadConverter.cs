using Onnx;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Pad in constant, reflect and edge modes: pads and value as attributes before opset 11, as inputs from 11
/// (the opset 18 <c>axes</c> input is not supported).
/// </summary>
internal sealed class PadConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Pad"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        var mode = node.String("mode", "constant") switch
        {
            "constant" => PaddingModes.Constant,
            "reflect" => PaddingModes.Reflect,
            "edge" => PaddingModes.Replicate,
            var other => throw OnnxImportException.Unsupported(node, $"mode '{other}'"),
        };
        if (node.OptionalInput(3) is not null)
            throw OnnxImportException.Unsupported(node, "the axes input");
        bool legacy = context.Opset < 11;
        var constantPads = legacy ? node.Ints(context.Opset < 2 ? "paddings" : "pads") : context.ConstantInts(node.OptionalInput(1));
        double? constantValue = legacy ? node.Float("value", 0f) : node.OptionalInput(2) is null ? 0.0 : context.ConstantScalar(node.OptionalInput(2));
        return (inputs, _) =>
        {
            var x = inputs[0]!;
            var pads = constantPads ?? TensorProtos.ToLongs(inputs[1]!);
            double value = constantValue ?? ReadScalar(inputs[2]!);
            return F.pad(x, ToTorchPads(pads, (int)x.dim()), mode, value);
        };
    }

    // ONNX [b0, b1, ..., e0, e1, ...] over all axes -> libtorch pairs from the last axis back, stopping at the first padded axis.
    private static long[] ToTorchPads(long[] pads, int rank)
    {
        int first = 0;
        while (first < rank && pads[first] == 0 && pads[first + rank] == 0) first++;
        var result = new List<long>();
        for (int axis = rank - 1; axis >= Math.Min(first, rank - 1); axis--)
        {
            result.Add(pads[axis]);
            result.Add(pads[axis + rank]);
        }
        return [.. result];
    }

    private static double ReadScalar(Tensor tensor)
    {
        using var value = tensor.to_type(ScalarType.Float64);
        return value.item<double>();
    }
}
