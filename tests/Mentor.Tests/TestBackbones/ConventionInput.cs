using Mentor.Imaging;
using Mentor.TestBackbones;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Tests.TestBackbones;

/// <summary>
/// A photo prepared the way a spec file says, written from the spec's arithmetic alone (an independent check of the
/// graphs' undoing nodes): resize the short side to size / crop_pct, centre crop, map 0..255 to pixel_range, subtract the
/// mean, divide by the std, lay out as NCHW or NHWC.
/// </summary>
internal static class ConventionInput
{
    public static float[] Prepare(string photo, TestBackboneSpec spec)
    {
        var size = spec.InputSize[1];
        var (low, high) = (spec.PixelRange[0], spec.PixelRange[1]);
        var bgr = spec.ChannelOrder == "BGR";
        var nhwc = spec.Layout == "NHWC";
        using var decoded = ImageDecoder.Decode(File.ReadAllBytes(photo), photo);
        var (scaled, left, top) = ImageResizer.ScaleForInput(decoded, new ResizeRule(ResizeMode.ShortSideCenterCrop, spec.CropPct), size);
        using (scaled)
        {
            var tensor = new float[3 * size * size];
            for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var p = scaled.GetPixel(left + x, top + y);
                byte[] rgb = bgr ? [p.Blue, p.Green, p.Red] : [p.Red, p.Green, p.Blue];
                for (var c = 0; c < 3; c++)
                {
                    var value = (rgb[c] / 255.0 * (high - low) + low - spec.Mean[c]) / spec.Std[c];
                    var index = nhwc ? (y * size + x) * 3 + c : (c * size + y) * size + x;
                    tensor[index] = (float)value;
                }
            }
            return tensor;
        }
    }

    /// <summary>The input tensor's shape for <paramref name="batch"/> images.</summary>
    public static long[] Shape(TestBackboneSpec spec, int batch) => spec.Layout == "NHWC"
        ? [batch, spec.InputSize[1], spec.InputSize[2], 3]
        : [batch, 3, spec.InputSize[1], spec.InputSize[2]];

    /// <summary>Runs <paramref name="session"/>'s only input with <paramref name="input"/> and returns <paramref name="output"/> and its shape.</summary>
    public static (float[] Values, long[] Shape) Run(InferenceSession session, float[] input, long[] shape, string output)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [session.InputNames.Single()], [value], [output]);
        var result = results[0];
        return (result.GetTensorDataAsSpan<float>().ToArray(), result.GetTensorTypeAndShape().Shape);
    }
}
