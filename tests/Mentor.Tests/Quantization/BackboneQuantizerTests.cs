using Mentor.Backbones;
using Mentor.Features;
using Mentor.Quantization;
using Mentor.Tests.Support;

namespace Mentor.Tests.Quantization;

[Collection(BackboneCollection.Name)]
public sealed class BackboneQuantizerTests(Int8Fixture int8, SharedBackbone fp32)
{
    /// <summary>Given the quantised ResNet-18, when ONNX Runtime optimises it, then every convolution runs as QLinearConv.</summary>
    [Fact]
    public void The_quantised_graph_has_only_integer_convolutions_after_onnx_runtime_optimisation()
    {
        var report = FusionCheck.Inspect(File.ReadAllBytes(int8.Backbone.Model.Path));

        Assert.Equal(0, report.FloatConvolutions);
        Assert.Equal(22, report.IntegerConvolutions);
        Assert.Equal(9, report.IntegerAdds);
    }

    /// <summary>Given real photos, when both backbones run them, then int8 features point the way fp32 ones do.</summary>
    [Fact]
    public void Int8_features_stay_close_to_fp32_on_real_photos()
    {
        var photos = SharedData.SomeClothingPhotos(perClass: 2);
        var reference = Features(fp32.Backbone, photos);
        var quantised = Features(int8.Backbone, photos);

        var cosines = reference.Zip(quantised, Cosine).ToList();

        Assert.True(cosines.Average() > 0.99, $"mean cosine {cosines.Average():F4}");
        Assert.True(cosines.Min() > 0.98, $"smallest cosine {cosines.Min():F4}");
        Assert.StartsWith("resnet18:int8:sha256:", int8.Backbone.Identity);
        Assert.NotEqual(fp32.Backbone.Identity, int8.Backbone.Identity);
    }

    /// <summary>Given the same photos and seed, when calibrating twice, then the sample, its hash and the model bytes are identical.</summary>
    [Fact]
    public void Calibration_is_deterministic_for_a_seed()
    {
        var files = Directory.GetFiles(int8.CalibrationFolder, "*", SearchOption.AllDirectories);
        var again = CalibrationSet.Sample(files.Reverse(), Int8Fixture.CalibrationPhotos);
        var fewer = CalibrationSet.Sample(files, 8, seed: 1);
        var otherSeed = CalibrationSet.Sample(files, 8, seed: 2);

        var model = BackboneQuantizer.Quantize(BackboneRegistry.Get("resnet18"), again).Model;

        Assert.Equal(int8.Calibration.Photos, again.Photos);
        Assert.Equal(int8.Calibration.Hash, again.Hash);
        Assert.NotEqual(fewer.Photos, otherSeed.Photos);
        Assert.NotEqual(fewer.Hash, otherSeed.Hash);
        Assert.True(model.AsSpan().SequenceEqual(File.ReadAllBytes(int8.Backbone.Model.Path)), "a second calibration on the same photos wrote a different model");
    }

    /// <summary>Given no photo is an image, when calibrating, then one clear error names the folder.</summary>
    [Fact]
    public void Calibration_without_a_usable_photo_fails_with_a_clear_message()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("notes.txt"), "not an image");

        var error = Assert.Throws<QuantizationException>(() =>
            BackboneQuantizer.Quantize(BackboneRegistry.Get("resnet18"), CalibrationSet.FromFolder(temp.Path)));

        Assert.Contains(temp.Path, error.Message);
        Assert.Contains("usable image", error.Message);
    }

    private static float[][] Features(Backbone backbone, IReadOnlyList<string> photos)
    {
        var length = backbone.Preprocessing.TensorLength;
        var inputs = new float[photos.Count * length];
        for (var i = 0; i < photos.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(photos[i]), photos[i], backbone.Preprocessing, inputs.AsSpan(i * length, length));
        var outputs = new float[photos.Count * backbone.FeatureSize];
        lock (backbone) backbone.Run(inputs, photos.Count, outputs);
        return outputs.Chunk(backbone.FeatureSize).ToArray();
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            aa += a[i] * (double)a[i];
            bb += b[i] * (double)b[i];
        }
        return dot / Math.Sqrt(aa * bb);
    }
}
