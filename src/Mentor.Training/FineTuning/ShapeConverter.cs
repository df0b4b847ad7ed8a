using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>Flatten (axis), Reshape (shape as an input or, before opset 5, an attribute; 0 copies, -1 infers) and Concat.</summary>
internal sealed class ShapeConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["Flatten", "Reshape", "Concat"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        switch (node.OpType)
        {
            case "Flatten":
                long axis = node.Int("axis", 1);
                return (inputs, _) =>
                {
                    var x = inputs[0]!;
                    long split = axis < 0 ? axis + x.dim() : axis;
                    long outer = x.shape[..(int)split].Aggregate(1L, (a, b) => a * b);
                    long inner = x.shape[(int)split..].Aggregate(1L, (a, b) => a * b);
                    return x.reshape(outer, inner);
                };
            case "Concat":
                long concatAxis = node.Int("axis", 1);
                return (inputs, _) => torch.cat(inputs.Select(i => i!).ToList(), concatAxis);
        }
        bool allowZero = node.Int("allowzero", 0) != 0;
        var constantShape = context.Opset < 5 ? node.Ints("shape") : context.ConstantInts(node.OptionalInput(1));
        return (inputs, _) =>
        {
            var x = inputs[0]!;
            var shape = (long[])(constantShape ?? TensorProtos.ToLongs(inputs[1]!)).Clone();
            for (int i = 0; i < shape.Length; i++)
                if (shape[i] == 0 && !allowZero) shape[i] = x.shape[i];
            return x.reshape(shape);
        };
    }
}
