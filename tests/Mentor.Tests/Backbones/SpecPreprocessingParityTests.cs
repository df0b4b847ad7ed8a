using Google.Protobuf;
using Mentor.Backbones;
using Mentor.Imaging;
using Mentor.Models.Export;
using Mentor.Tests.Support;
using Mentor.TestBackbones;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Tests.Backbones;

/// <summary>One spec, two derivations: the C# preparation and the ONNX nodes a model file carries compute the same tensor.</summary>
public sealed class SpecPreprocessingParityTests
{
    /// <summary>Mean image + BGR (the built-in), mean/std + RGB (torchvision), NHWC in -1..1 (TensorFlow).</summary>
    public static TheoryData<string> Keys => new(BackboneRegistry.Names[0], TorchvisionResNet18.Name + ".json", TensorFlowResNet18.Name + ".json");

    [Theory]
    [MemberData(nameof(Keys))]
    public void Csharp_preparation_equals_the_model_files_onnx_preprocessing_on_real_photos(string key)
    {
        // Given a spec and real photos resized and cropped as it says
        var spec = BackboneResolver.Spec(TestBackboneFiles.Backbone(key)).Preprocessing;
        using var session = new InferenceSession(PreprocessingGraph(spec));
        var worst = 0.0;
        foreach (var photo in SharedData.SomeClothingPhotos(perClass: 2))
        {
            using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);
            var (scaled, left, top) = ImageResizer.ScaleForInput(decoded, spec.Resize, spec.InputSize);
            using (scaled)
            {
                // When C# writes the input tensor, and the ONNX nodes compute it from the RGB 0..255 planes
                var ours = new float[spec.TensorLength];
                TensorWriter.Write(scaled, left, top, spec, ours);
                var rgb = new float[spec.TensorLength];
                TensorWriter.Write(scaled, left, top, Identity(spec), rgb);
                using var input = OrtValue.CreateTensorValueFromMemory(rgb, [1, 3, spec.InputSize, spec.InputSize]);
                using var results = session.Run(new RunOptions(), ["image"], [input], ["prepared"]);
                var theirs = results[0].GetTensorDataAsSpan<float>().ToArray();

                // Then they agree value for value, in the spec's layout
                Assert.Equal(spec.BatchShape(1), results[0].GetTensorTypeAndShape().Shape);
                worst = Math.Max(worst, ours.Zip(theirs).Max(p => Math.Abs(p.First - p.Second)));
            }
        }
        Assert.True(worst < 1e-4, $"max abs difference {worst}");
    }

    private static PreprocessingSpec Identity(PreprocessingSpec spec) =>
        new(spec.InputSize, TensorLayout.Nchw, ChannelOrder.Rgb, 1f, 0f, () => [0f, 0f, 0f], null, spec.Resize);

    // The same nodes the exporter writes into model files, alone in a graph.
    private static byte[] PreprocessingGraph(PreprocessingSpec spec)
    {
        var model = new ModelProto { IrVersion = 7, Graph = new GraphProto { Name = "preprocessing" } };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        var builder = new GraphBuilder(model.Graph, 13);
        model.Graph.Input.Add(GraphBuilder.BatchTensor("image", 3, spec.InputSize, spec.InputSize));
        PreprocessingNodes.Append(builder, spec, "image", "prepared");
        model.Graph.Output.Add(GraphBuilder.BatchTensor("prepared", spec.TensorShape));
        return model.ToByteArray();
    }
}
