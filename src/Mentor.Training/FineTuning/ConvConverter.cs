using Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>Conv (1-D, 2-D, 3-D; groups, dilations, strides, asymmetric pads, auto_pad).</summary>
internal sealed class ConvConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Conv"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        long groups = node.Int("group", 1);
        var weightDims = context.Initializer(node.OptionalInput(1))?.Dims.ToArray();
        var window = new WindowSpec(node, weightDims?[2..]);
        var precision = context.Precision;
        return (inputs, _) =>
        {
            var x = inputs[0]!;
            var weight = inputs[1]!;
            var bias = inputs.Length > 2 ? inputs[2] : null;
            var kernel = window.Kernel ?? weight.shape[2..];
            var strides = window.Strides(kernel.Length);
            var dilations = window.Dilations(kernel.Length);
            return window.Apply(x, kernel, (padded, padding) => precision.Apply(padded, weight, bias, (input, w, b) => kernel.Length switch
            {
                1 => F.conv1d(input, w, b, strides[0], padding[0], dilations[0], groups),
                2 => F.conv2d(input, w, b, strides, padding, dilations, groups),
                3 => F.conv3d(input, w, b, strides, padding, dilations, groups),
                _ => throw OnnxImportException.Unsupported(node, $"a convolution over {kernel.Length} spatial axes"),
            }), padValue: 0, padLimit: false);
        };
    }
}
