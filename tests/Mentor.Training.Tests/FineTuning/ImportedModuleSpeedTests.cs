using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Training.FineTuning;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>Measures the imported ResNet-18's speed (batch 16, two torch threads) and reports it with the load average.</summary>
public class ImportedModuleSpeedTests(ITestOutputHelper output)
{
    private const int Batch = 16;
    private const int TimedBatches = 3;

    [Fact]
    public void Imported_resnet18_forward_and_last_stage_training_speeds_are_measured()
    {
        // Given ResNet-18 imported, two torch threads, and a batch of 16 inputs
        using var threads = TorchRuntime.UseThreads(2);
        using var module = OnnxModuleImporter.Import(BackboneRegistry.Get("resnet18").ModelPath);
        var generator = new Random(1);
        using var input = tensor(Enumerable.Range(0, Batch * 3 * 224 * 224).Select(_ => generator.NextSingle() * 200 - 100).ToArray(), [Batch, 3, 224, 224]);
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        // When it runs forward in eval mode, then forward and backward with only the last stage training
        module.eval();
        double inference = ImagesPerSecond(() =>
        {
            using var _ = no_grad();
            module.forward(input);
        });
        module.FreezeAll();
        module.UnfreezeLastStages(1);
        module.train();
        using var optimizer = optim.SGD(module.TrainableParameters(), learningRate: 1e-4);
        double training = ImagesPerSecond(() =>
        {
            optimizer.zero_grad();
            module.forward(input).pow(2).mean().backward();
            optimizer.step();
        });

        // Then both figures are reported (with the machine's load), and neither is absurdly slow
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        output.WriteLine($"batch {Batch}, 2 threads, load average {loadBefore} -> {loadAfter}: eval forward {inference:F1} images/s, " +
            $"forward + backward + SGD step with the last stage training {training:F1} images/s");
        Assert.True(inference > 1 && training > 0.5, $"inference {inference:F2}, training {training:F2} images/s");
    }

    // One warm-up batch, then the mean over the timed batches; each batch's tensors are freed by a dispose scope.
    private static double ImagesPerSecond(Action step)
    {
        using (NewDisposeScope()) step();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < TimedBatches; i++)
            using (NewDisposeScope()) step();
        return TimedBatches * Batch / clock.Elapsed.TotalSeconds;
    }
}
