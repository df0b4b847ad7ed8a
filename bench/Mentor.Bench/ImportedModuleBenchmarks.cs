using BenchmarkDotNet.Attributes;
using Mentor.Backbones;
using Mentor.Training;
using Mentor.Training.FineTuning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Bench;

/// <summary>
/// The imported ResNet-18 in libtorch, one batch of 16 random inputs with two threads: an eval-mode forward pass, and a
/// training step (forward, backward, SGD) with only the last stage trainable. Images/s = 16 / the mean time.
/// Replaces a unit test that asserted "more than one image per second" (it could not fail on a working build, and it
/// needed the whole test assembly to run serially).
/// </summary>
public class ImportedModuleBenchmarks
{
    private const int Batch = 16;
    private IDisposable _threads = null!;
    private ImportedModule _module = null!;
    private Tensor _input = null!;
    private torch.optim.Optimizer _optimizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _threads = TorchRuntime.UseThreads(2);
        var spec = BackboneRegistry.Get("resnet18");
        _module = OnnxModuleImporter.Import(spec.ModelPath);
        var size = spec.Preprocessing.InputSize;
        var generator = new Random(1);
        _input = tensor(Enumerable.Range(0, Batch * 3 * size * size).Select(_ => generator.NextSingle() * 200 - 100).ToArray(), [Batch, 3, size, size]);
        _module.FreezeAll();
        _module.UnfreezeLastStages(1);
        _optimizer = optim.SGD(_module.TrainableParameters(), learningRate: 1e-4);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _optimizer.Dispose();
        _input.Dispose();
        _module.Dispose();
        _threads.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void EvalForward()
    {
        _module.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        _module.forward(_input);
    }

    [Benchmark]
    public void LastStageTrainingStep()
    {
        _module.train();
        using var scope = NewDisposeScope();
        _optimizer.zero_grad();
        _module.forward(_input).pow(2).mean().backward();
        _optimizer.step();
    }
}
