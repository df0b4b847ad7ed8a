using Mentor.Training.FineTuning;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// Forgets what an imported network learnt, for the from-scratch baseline: kernels and weight matrices drawn as in
/// He et al. (Kaiming normal, fan-out, ReLU gain, as torchvision's ResNet), biases zero, batch norms reset to scale 1,
/// shift 0 and fresh running statistics. Uses libtorch's generator (seed it first).
/// </summary>
internal static class RandomInitialization
{
    public static void Apply(ImportedModule module)
    {
        using var noGrad = no_grad();
        var batchNorms = module.modules().OfType<BatchNorm2d>().ToList();
        var normParameters = batchNorms.SelectMany(b => b.parameters()).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var parameter in module.parameters())
        {
            if (normParameters.Contains(parameter)) continue;
            if (parameter.dim() > 1) nn.init.kaiming_normal_(parameter, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
            else parameter.zero_();
        }
        foreach (var norm in batchNorms)
        {
            norm.reset_running_stats();
            norm.weight?.fill_(1);
            norm.bias?.zero_();
        }
    }
}
