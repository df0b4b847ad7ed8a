using Onnx;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Identity; Dropout (identity in eval mode, dropout with the node's ratio in training mode; the mask output is not
/// supported); Constant (its value kept as a buffer).
/// </summary>
internal sealed class PassThroughConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Identity", "Dropout", "Constant"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        switch (node.OpType)
        {
            case "Identity":
                return (inputs, _) => inputs[0]!.alias();
            case "Constant":
                var value = node.Find("value")?.T ?? throw OnnxImportException.Unsupported(node, "a Constant without a tensor 'value'");
                var constant = context.Own(TensorProtos.ToTensor(value));
                return (_, _) => constant.alias();
        }
        if (node.Output.Skip(1).Any(o => o.Length > 0))
            throw OnnxImportException.Unsupported(node, "the mask output");
        double ratio = context.Opset < 12 ? node.Float("ratio", 0.5f) : context.ConstantScalar(node.OptionalInput(1)) ?? 0.5;
        return (inputs, training) => training && ratio > 0 ? F.dropout(inputs[0]!, ratio, training: true) : inputs[0]!.alias();
    }
}
