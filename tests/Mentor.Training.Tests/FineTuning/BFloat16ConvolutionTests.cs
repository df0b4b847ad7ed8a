using Mentor.Backbones;
using Mentor.Training.FineTuning;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>
/// ResNet-18's last stage with its convolutions in bfloat16: the features stay within bfloat16's rounding of fp32's,
/// the weights and their gradients stay fp32, and the gradients point the way fp32's do.
/// </summary>
[Collection(LibtorchCollection.Name)]
public class BFloat16ConvolutionTests
{
    private static readonly BackboneSpec Spec = BackboneRegistry.Get("resnet18");

    [Fact]
    public void Bfloat16_convolutions_give_fp32_features_and_fp32_gradients_close_to_fp32s()
    {
        using var module = OnnxModuleImporter.Import(Spec.ModelPath);
        module.FreezeAll();
        module.UnfreezeLastStages(1);
        module.train();
        var photos = TestPhotos.Prepare(TestPhotos.Some(perClass: 1).Take(2).ToList(), Spec);
        using var input = tensor(photos, [2, 3, 224, 224]);
        var weight = module.TrainableParameters().First(p => p.dim() == 4);

        var (full, fullGradient) = ForwardAndGradient(module, input, weight, bfloat16: false);
        var (low, lowGradient) = ForwardAndGradient(module, input, weight, bfloat16: true);

        Assert.False(module.ConvolutionsInBFloat16);
        Assert.Equal(ScalarType.Float32, weight.dtype);
        Assert.Equal(full.Length, low.Length);
        var scale = full.Max(Math.Abs);
        var worst = full.Zip(low).Max(p => Math.Abs(p.First - p.Second)) / scale;
        Assert.True(worst is > 0 and < 0.05f, $"largest feature difference {worst:P2} of the largest feature (0 would mean bfloat16 never ran)");
        var cosine = fullGradient.Zip(lowGradient).Sum(p => (double)p.First * p.Second)
            / Math.Sqrt(fullGradient.Sum(g => (double)g * g) * lowGradient.Sum(g => (double)g * g));
        Assert.True(cosine > 0.98, $"gradient cosine {cosine:F4} between bfloat16 and fp32");
    }

    private static (float[] Features, float[] Gradient) ForwardAndGradient(Mentor.Training.FineTuning.ImportedModule module, Tensor input, TorchSharp.Modules.Parameter weight, bool bfloat16)
    {
        module.ConvolutionsInBFloat16 = bfloat16;
        try
        {
            using var scope = NewDisposeScope();
            weight.grad?.zero_();
            var features = module.forward(input);
            Assert.Equal(ScalarType.Float32, features.dtype);
            features.pow(2).mean().backward();
            Assert.Equal(ScalarType.Float32, weight.grad!.dtype);
            return (features.data<float>().ToArray(), weight.grad.data<float>().ToArray());
        }
        finally
        {
            module.ConvolutionsInBFloat16 = false;
        }
    }
}
