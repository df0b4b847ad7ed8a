using Mentor.Backbones;
using Mentor.Training.FineTuning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>An imported ResNet-18 trains: only unfrozen parameters get gradients, the export carries the change, and bfloat16 convolutions keep fp32 weights.</summary>
[Collection(LibtorchCollection.Name)]
public class ImportedModuleTrainingTests
{
    private static readonly BackboneSpec Spec = BackboneRegistry.Get("resnet18");

    [Fact]
    public void Resnet18_stages_start_at_each_downsampling()
    {
        // Given ResNet-18 imported
        using var module = OnnxModuleImporter.Import(Spec.ModelPath);

        // When its stages are found
        var starts = module.StageStarts().Select(n => n.Name);

        // Then they are the stem convolution, the max pool and the first node of stages 2, 3 and 4 (its projection shortcut)
        Assert.Equal(["Convolution249", "Pooling255", "Convolution295", "Convolution327", "Convolution359"], starts);
    }

    [Fact]
    public void After_unfreezing_the_last_stage_only_its_parameters_get_gradients_and_sgd_changes_the_exported_model()
    {
        // Given ResNet-18 imported, frozen, its last stage unfrozen, in training mode, and two real photos
        using var module = OnnxModuleImporter.Import(Spec.ModelPath);
        module.FreezeAll();
        module.UnfreezeLastStages(1);
        module.train();
        var photos = TestPhotos.Prepare(TestPhotos.Some(perClass: 1).Take(2).ToList(), Spec);
        var one = photos[..Spec.Preprocessing.TensorLength];
        var before = OnnxRuntimeRunner.Run(OnnxModuleExporter.ExportBytes(module), Spec.InputName, one, [1, 3, 224, 224], Spec.Feature);
        var buffersBefore = Snapshot(module.named_buffers());
        var parametersBefore = Snapshot(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
        var trainable = module.TrainableParameters();
        // (stage 4's six 3x3 convolutions and its projection, each with a batch norm's scale and bias)
        Assert.Equal(7 * 3, trainable.Count);

        // When a loss on the pooled features is back-propagated
        using var input = tensor(photos, [2, 3, 224, 224]);
        using (var scope = NewDisposeScope())
            module.forward(input).pow(2).mean().backward();

        // Then exactly the unfrozen parameters have non-zero gradients
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (parameter.requires_grad)
            {
                Assert.NotNull(parameter.grad);
                using var magnitude = parameter.grad.abs().sum();
                Assert.True(magnitude.item<float>() > 0, $"{name} has a zero gradient");
            }
            else Assert.Null(parameter.grad);
        }

        // And when a few SGD steps run
        using var optimizer = optim.SGD(trainable, learningRate: 0.01);
        var losses = new List<float>();
        for (int step = 0; step < 3; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = module.forward(input).pow(2).mean();
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        // Then the loss falls, only the unfrozen weights and statistics change, and the exported ONNX model computes something new
        Assert.True(losses[^1] < losses[0], $"losses {string.Join(", ", losses)}");
        var parametersAfter = Snapshot(module.named_parameters().Select(p => (p.name, (Tensor)p.parameter)));
        var trainableNames = module.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToHashSet();
        foreach (var (name, values) in parametersBefore)
            Assert.True(trainableNames.Contains(name) != values.SequenceEqual(parametersAfter[name]), $"{name}: trainable {trainableNames.Contains(name)}");
        var buffersAfter = Snapshot(module.named_buffers());
        Assert.Equal(buffersBefore["BatchNormalization251.running_mean"], buffersAfter["BatchNormalization251.running_mean"]);
        Assert.NotEqual(buffersBefore["BatchNormalization383.running_mean"], buffersAfter["BatchNormalization383.running_mean"]);
        var after = OnnxRuntimeRunner.Run(OnnxModuleExporter.ExportBytes(module), Spec.InputName, one, [1, 3, 224, 224], Spec.Feature);
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(before, after) > 1e-2f);
    }

    [Fact]
    public void Batch_norm_uses_batch_statistics_in_training_mode_and_running_ones_in_eval_mode()
    {
        // Given the synthetic graph imported, and an input
        using var module = OnnxModuleImporter.Import(SyntheticGraph.AllOperators());
        using var input = tensor(SyntheticGraph.RandomInput(5), SyntheticGraph.InputShape);

        // When it runs in eval mode, in training mode, and in eval mode again
        module.eval();
        var eval = Run(module, input);
        module.train();
        var training = Run(module, input);
        module.eval();
        var evalAgain = Run(module, input);

        // Then training mode normalises differently (batch statistics), and updated the running statistics
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(eval, training) > 1e-3f);
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(eval, evalAgain) > 1e-5f);
    }

    // ResNet-18's last stage with its convolutions in bfloat16: features within bfloat16's rounding of fp32's, weights and
    // gradients still fp32, gradients pointing the way fp32's do.
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

    private static (float[] Features, float[] Gradient) ForwardAndGradient(ImportedModule module, Tensor input, TorchSharp.Modules.Parameter weight, bool bfloat16)
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

    private static float[] Run(nn.Module<Tensor, Tensor> module, Tensor input)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return module.forward(input).data<float>().ToArray();
    }

    private static Dictionary<string, float[]> Snapshot(IEnumerable<(string name, Tensor tensor)> tensors) =>
        tensors.Where(t => t.tensor.dtype == ScalarType.Float32)
            .ToDictionary(t => t.name, t => t.tensor.detach().data<float>().ToArray());
}
