using Mentor.Backbones;
using Mentor.Imaging;
using Mentor.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SkiaSharp;

namespace Mentor.Tests.Backbones;

public sealed class PreprocessingParityTests
{
    /// <summary>
    /// Given real photos resized and cropped, when Mentor writes the ResNet-18 input tensor, then it equals what the
    /// NuGet package's own ResNetPreprocess.onnx (RGB planes in, BGR minus the mean image out) computes.
    /// </summary>
    [Fact]
    public void ResNet18_preprocessing_equals_the_packages_own_preprocessing_graph()
    {
        var spec = BackboneRegistry.Get("resnet18").Preprocessing;
        var preprocessPath = Path.Combine(AppContext.BaseDirectory, "DnnImageModels", "ResNetPrepOnnx", "ResNetPreprocess.onnx");
        using var session = new InferenceSession(preprocessPath);
        var photos = SharedData.SomeClothingPhotos(perClass: 2);
        var worst = 0.0;

        foreach (var photo in photos)
        {
            using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);
            var (scaled, left, top) = ImageResizer.ScaleForInput(decoded, spec.Resize, spec.InputSize);
            using (scaled)
            {
                var ours = new float[spec.TensorLength];
                TensorWriter.Write(scaled, left, top, spec, ours);

                var rgb = RgbPlanes(scaled, left, top, spec.InputSize);
                using var results = session.Run([NamedOnnxValue.CreateFromTensor("OriginalInput", rgb)]);
                var theirs = results.Single().AsEnumerable<float>().ToArray();

                Assert.Equal(theirs.Length, ours.Length);
                worst = Math.Max(worst, ours.Zip(theirs).Max(p => Math.Abs(p.First - p.Second)));
            }
        }

        Assert.True(worst < 1e-3, $"max abs difference {worst}");
    }

    private static DenseTensor<float> RgbPlanes(SKBitmap scaled, int left, int top, int size)
    {
        var tensor = new DenseTensor<float>([1, 3, size, size]);
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var c = scaled.GetPixel(left + x, top + y);
            tensor[0, 0, y, x] = c.Red;
            tensor[0, 1, y, x] = c.Green;
            tensor[0, 2, y, x] = c.Blue;
        }
        return tensor;
    }
}
