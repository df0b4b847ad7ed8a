using Onnx;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>
/// MaxPool and AveragePool over 2-D windows (strides, asymmetric pads, auto_pad, ceil_mode, MaxPool dilations,
/// AveragePool count_include_pad), GlobalAveragePool and GlobalMaxPool over any spatial rank.
/// </summary>
internal sealed class PoolConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        switch (node.OpType)
        {
            case "GlobalAveragePool":
                return (inputs, _) => inputs[0]!.mean(SpatialAxes(inputs[0]!), keepdim: true);
            case "GlobalMaxPool":
                return (inputs, _) => inputs[0]!.amax(SpatialAxes(inputs[0]!), keepdim: true);
        }
        if (node.Output.Skip(1).Any(o => o.Length > 0))
            throw OnnxImportException.Unsupported(node, "the Indices output");
        var window = new WindowSpec(node, null);
        var kernel = window.Kernel ?? throw OnnxImportException.Unsupported(node, "a pool without kernel_shape");
        if (kernel.Length != 2)
            throw OnnxImportException.Unsupported(node, $"pooling over {kernel.Length} spatial axes (only 2-D)");
        var strides = window.Strides(2);
        var dilations = window.Dilations(2);
        bool ceil = window.CeilMode;
        if (node.OpType == "MaxPool")
            return (inputs, _) => window.Apply(inputs[0]!, kernel,
                (x, padding) => F.max_pool2d(x, kernel, strides, padding, dilations, ceil), double.NegativeInfinity, padLimit: true);
        if (dilations.Any(d => d != 1))
            throw OnnxImportException.Unsupported(node, "AveragePool with dilations");
        bool includePad = node.Int("count_include_pad", 0) != 0;
        return (inputs, _) =>
        {
            var x = inputs[0]!;
            var pooled = window.Apply(x, kernel, (p, padding) => F.avg_pool2d(p, kernel, strides, padding, ceil, includePad), 0.0, padLimit: true);
            return includePad || !ExplicitlyPadded(window, x, kernel) ? pooled : Renormalised(pooled, window, x, kernel, strides, ceil);
        };
    }

    private static long[] SpatialAxes(Tensor x) => Enumerable.Range(2, (int)x.dim() - 2).Select(i => (long)i).ToArray();

    // True when WindowSpec had to pad the input itself, so padded zeros were counted as values.
    private static bool ExplicitlyPadded(WindowSpec window, Tensor x, long[] kernel)
    {
        var (begin, end) = window.Pads(x.shape[2..], kernel, window.Strides(2), window.Dilations(2));
        return Enumerable.Range(0, 2).Any(i => begin[i] < end[i] || begin[i] > kernel[i] / 2);
    }

    // count_include_pad = 0 after explicit zero padding: divide by the pooled share of real (unpadded) positions.
    private static Tensor Renormalised(Tensor pooled, WindowSpec window, Tensor x, long[] kernel, long[] strides, bool ceil)
    {
        using var ones = torch.ones(1, 1, x.shape[2], x.shape[3], dtype: x.dtype);
        using var share = window.Apply(ones, kernel, (o, padding) => F.avg_pool2d(o, kernel, strides, padding, ceil, true), 0.0, padLimit: true);
        using (pooled)
            return pooled.div(share);
    }
}
