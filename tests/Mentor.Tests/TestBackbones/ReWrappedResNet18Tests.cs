using Google.Protobuf;
using Mentor.Imaging;
using Mentor.Quantization;
using Mentor.TestBackbones;
using Mentor.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Onnx;
using Xunit.Abstractions;

namespace Mentor.Tests.TestBackbones;

/// <summary>The built-in ResNet-18 re-wrapped in other conventions gives the built-in's features on real photos.</summary>
[Collection(BackboneCollection.Name)]
public sealed class ReWrappedResNet18Tests(SharedBackbone shared, ITestOutputHelper output)
{
    private const double MinCosine = 0.9999;

    public static TheoryData<string, string> Classifiers => new()
    {
        { TorchvisionResNet18.Name, TorchvisionResNet18.PreLogitsName },
        { ImageNetZooResNet18.Name, ImageNetZooResNet18.PreLogitsName },
    };

    /// <summary>
    /// Given a re-wrap with an ImageNet classifier (torchvision's, the ONNX Model Zoo's), when photos prepared its way
    /// (RGB 0..1, ImageNet mean/std) run through it, then the Gemm's input equals the built-in backbone's features.
    /// </summary>
    [Theory]
    [MemberData(nameof(Classifiers))]
    public void Pre_logits_equal_the_built_in_features(string name, string preLogits)
    {
        var backbone = BuiltTestBackbones.Get(name);
        using var session = new InferenceSession(WithExtraOutput(backbone.Model, preLogits));

        var worst = WorstCosine(backbone.Spec, photo =>
            ConventionInput.Run(session, ConventionInput.Prepare(photo, backbone.Spec), ConventionInput.Shape(backbone.Spec, 1), preLogits).Values);

        Assert.True(worst > MinCosine, $"worst cosine {worst}");
        output.WriteLine($"{name}: worst cosine {worst:F7}");
    }

    /// <summary>
    /// Given the TensorFlow-style re-wrap, when photos prepared its way (NHWC, RGB -1..1) run through it,
    /// then its [1,h,w,C] map averaged over space equals the built-in backbone's features.
    /// </summary>
    [Fact]
    public void TensorFlow_map_averaged_over_space_equals_the_built_in_features()
    {
        var backbone = BuiltTestBackbones.Get(TensorFlowResNet18.Name);
        using var session = new InferenceSession(backbone.Model);

        var worst = WorstCosine(backbone.Spec, photo =>
        {
            var (map, shape) = ConventionInput.Run(session, ConventionInput.Prepare(photo, backbone.Spec), ConventionInput.Shape(backbone.Spec, 1), TensorFlowResNet18.OutputName);
            var (positions, channels) = ((int)(shape[1] * shape[2]), (int)shape[3]);
            var pooled = new float[channels];
            for (var i = 0; i < positions; i++)
            for (var c = 0; c < channels; c++)
                pooled[c] += map[i * channels + c] / positions;
            return pooled;
        });

        Assert.True(worst > MinCosine, $"worst cosine {worst}");
        output.WriteLine($"{backbone.Name}: worst cosine {worst:F7}");
    }

    // The lowest cosine, over a fixed handful of clothing photos, between the built-in's features and featuresOf(photo).
    private double WorstCosine(TestBackboneSpec spec, Func<string, float[]> featuresOf)
    {
        var builtIn = shared.Backbone;
        var worst = 1.0;
        foreach (var photo in SharedData.SomeClothingPhotos(perClass: 2))
        {
            var theirs = featuresOf(photo);
            Assert.Equal(builtIn.FeatureSize, theirs.Length);
            var ours = shared.Use(b => BuiltInFeatures(b, photo));
            worst = Math.Min(worst, Cosine(ours, theirs));
        }
        Assert.Equal(builtIn.Preprocessing.InputSize, spec.InputSize[1]);
        return worst;
    }

    private static float[] BuiltInFeatures(Mentor.Backbones.Backbone backbone, string photo)
    {
        var spec = backbone.Preprocessing;
        using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);
        var (scaled, left, top) = ImageResizer.ScaleForInput(decoded, spec.Resize, spec.InputSize);
        using (scaled)
        {
            var input = new float[spec.TensorLength];
            TensorWriter.Write(scaled, left, top, spec, input);
            var features = new float[backbone.FeatureSize];
            backbone.Run(input, 1, features);
            return features;
        }
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += (double)b[i] * b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }

    // The model with an inner value also exposed as a graph output, so that a session can read it.
    private static byte[] WithExtraOutput(byte[] modelBytes, string value)
    {
        var model = ModelProto.Parser.ParseFrom(modelBytes);
        model.Graph.Output.Add(Tensors.FloatValue(value));
        return model.ToByteArray();
    }
}
