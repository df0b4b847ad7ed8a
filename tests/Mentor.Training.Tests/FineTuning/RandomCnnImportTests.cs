using Mentor.TestBackbones;
using Mentor.Training.FineTuning;
using Onnx;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>The random-weights CNN test backbone is a graph the fine-tuning importer loads.</summary>
public class RandomCnnImportTests
{
    /// <summary>
    /// Given the random-weights CNN, when it is imported into TorchSharp and run in eval mode on a batch of 3,
    /// then its logits equal ONNX Runtime's on the same input.
    /// </summary>
    [Fact]
    public void Imported_random_cnn_gives_onnx_runtimes_logits()
    {
        var backbone = RandomCnn.Build();
        var size = backbone.Spec.InputSize[1];
        long[] shape = [3, 3, size, size];
        var input = new SeededRandom(3).Uniform((int)(3 * 3 * size * size), 2f);
        var expected = OnnxRuntimeRunner.Run(backbone.Model, RandomCnn.InputName, input, shape, RandomCnn.OutputName);

        using var module = OnnxModuleImporter.Import(ModelProto.Parser.ParseFrom(backbone.Model));
        module.eval();
        float[] actual;
        using (no_grad())
        using (NewDisposeScope())
            actual = module.forward(tensor(input, shape)).data<float>().ToArray();

        Assert.Equal(3 * RandomCnn.Classes, actual.Length);
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(expected, actual) < 1e-4f);
    }
}
