using Onnx;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Mentor.Training.FineTuning;

/// <summary>
/// BatchNormalization as a real <see cref="TorchSharp.Modules.BatchNorm2d"/>: scale and bias become its parameters,
/// mean and variance its running-statistics buffers, so it normalises with batch statistics in training mode and
/// updates them (ONNX momentum m is libtorch momentum 1 - m). Inputs that are not 4-D use the same tensors functionally.
/// </summary>
internal sealed class BatchNormConverter : IOperatorConverter
{
    public IReadOnlyList<string> OperatorTypes { get; } = ["BatchNormalization"];

    public NodeKernel Convert(NodeProto node, ImportContext context)
    {
        if (node.Int("spatial", 1) != 1)
            throw OnnxImportException.Unsupported(node, "spatial = 0 (per-activation statistics)");
        if (node.Int("training_mode", 0) != 0 || node.Output.Skip(1).Any(o => o.Length > 0))
            throw OnnxImportException.Unsupported(node, "training-mode outputs (running mean and variance as node outputs)");
        var statistics = Enumerable.Range(1, 4).Select(i => context.Initializer(node.OptionalInput(i))
            ?? throw OnnxImportException.Unsupported(node, $"input {i} computed at run time (scale, bias, mean and variance must be initializers)")).ToArray();
        double epsilon = node.Float("epsilon", 1e-5f);
        double momentum = 1 - node.Float("momentum", 0.9f);
        long channels = statistics[0].Dims.Aggregate(1L, (a, b) => a * b);
        var module = nn.BatchNorm2d(channels, epsilon, momentum);
        using (no_grad())
        {
            Tensor[] targets = [module.weight!, module.bias!, module.running_mean!, module.running_var!];
            for (int i = 0; i < 4; i++)
            {
                using var value = TensorProtos.ToTensor(statistics[i]);
                targets[i].copy_(value.reshape(channels));
                context.Bind(statistics[i].Name, targets[i]);
            }
        }
        context.AddModule(module);
        return (inputs, _) =>
        {
            var x = inputs[0]!;
            return x.dim() == 4
                ? module.forward(x)
                : F.batch_norm(x, module.running_mean!, module.running_var!, module.weight, module.bias, module.training, momentum, epsilon);
        };
    }
}
