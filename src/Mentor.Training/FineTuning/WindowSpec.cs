using Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>
/// The sliding-window attributes shared by Conv, MaxPool and AveragePool: strides, dilations, ONNX pads
/// (<c>[x1_begin, x2_begin, ..., x1_end, x2_end, ...]</c>, possibly asymmetric), <c>auto_pad</c> and <c>ceil_mode</c>.
/// libtorch pads symmetrically, so a window op runs with the begin pads on both sides and the surplus output is
/// cropped (exact when every begin pad is at least the end pad), or the input is padded explicitly first.
/// </summary>
internal sealed class WindowSpec
{
    private readonly NodeProto _node;
    private readonly string _autoPad;
    private readonly long[]? _pads;
    private readonly long[]? _stridesAttribute;
    private readonly long[]? _dilationsAttribute;

    public WindowSpec(NodeProto node, long[]? kernel)
    {
        _node = node;
        Kernel = node.Ints("kernel_shape") is { Length: > 0 } k ? k : kernel;
        _autoPad = node.String("auto_pad", "NOTSET");
        if (_autoPad is not ("NOTSET" or "VALID" or "SAME_UPPER" or "SAME_LOWER"))
            throw OnnxImportException.Unsupported(node, $"auto_pad '{_autoPad}'");
        _pads = node.Ints("pads");
        CeilMode = node.Int("ceil_mode", 0) != 0;
        _stridesAttribute = node.Ints("strides");
        _dilationsAttribute = node.Ints("dilations");
    }

    /// <summary>The window size (from <c>kernel_shape</c>, else the weight's shape); null when only known at run time.</summary>
    public long[]? Kernel { get; }

    public bool CeilMode { get; }

    public long[] Strides(int rank) => _stridesAttribute is { Length: > 0 } s ? s : Enumerable.Repeat(1L, rank).ToArray();

    public long[] Dilations(int rank) => _dilationsAttribute is { Length: > 0 } d ? d : Enumerable.Repeat(1L, rank).ToArray();

    /// <summary>
    /// Runs <paramref name="op"/> (given the input and a symmetric padding) so that the result equals the ONNX window op
    /// with this node's pads. <paramref name="padLimit"/>: whether libtorch caps the padding at half the window (pools).
    /// </summary>
    public Tensor Apply(Tensor x, long[] kernel, Func<Tensor, long[], Tensor> op, double padValue, bool padLimit)
    {
        int rank = kernel.Length;
        if (x.dim() != rank + 2)
            throw new OnnxImportException($"ONNX node '{_node.Name}' ({_node.OpType}): input of rank {x.dim()} does not match a {rank}-D window; check the graph's input shape.");
        var strides = Strides(rank);
        var dilations = Dilations(rank);
        var size = x.shape[2..];
        var (begin, end) = Pads(size, kernel, strides, dilations);
        bool symmetricEnough = Enumerable.Range(0, rank).All(i => begin[i] >= end[i] && (!padLimit || begin[i] <= kernel[i] / 2));
        if (!symmetricEnough)
        {
            var torchPads = new long[2 * rank];
            for (int i = 0; i < rank; i++)
            {
                torchPads[2 * (rank - 1 - i)] = begin[i];
                torchPads[2 * (rank - 1 - i) + 1] = end[i];
            }
            using var padded = F.pad(x, torchPads, TorchSharp.PaddingModes.Constant, padValue);
            return op(padded, new long[rank]);
        }
        var y = op(x, begin);
        for (int i = 0; i < rank; i++)
        {
            long effective = (kernel[i] - 1) * dilations[i] + 1;
            long span = size[i] + begin[i] + end[i] - effective;
            long expected = (CeilMode ? (span + strides[i] - 1) / strides[i] : span / strides[i]) + 1;
            if (y.shape[2 + i] > expected)
            {
                var cropped = y.narrow(2 + i, 0, expected);
                y.Dispose();
                y = cropped;
            }
        }
        return y;
    }

    /// <summary>Begin and end pads per spatial axis, resolving <c>auto_pad</c> from the input size.</summary>
    public (long[] Begin, long[] End) Pads(long[] size, long[] kernel, long[] strides, long[] dilations)
    {
        int rank = kernel.Length;
        var begin = new long[rank];
        var end = new long[rank];
        if (_autoPad is "SAME_UPPER" or "SAME_LOWER")
        {
            for (int i = 0; i < rank; i++)
            {
                long output = (size[i] + strides[i] - 1) / strides[i];
                long total = Math.Max(0, (output - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size[i]);
                long small = total / 2;
                (begin[i], end[i]) = _autoPad == "SAME_UPPER" ? (small, total - small) : (total - small, small);
            }
        }
        else if (_autoPad == "NOTSET" && _pads is { Length: > 0 } pads)
        {
            if (pads.Length != 2 * rank) throw OnnxImportException.Unsupported(_node, $"pads of length {pads.Length} for a {rank}-D window");
            Array.Copy(pads, 0, begin, 0, rank);
            Array.Copy(pads, rank, end, 0, rank);
        }
        return (begin, end);
    }
}
