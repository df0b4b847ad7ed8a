using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads;
using Mentor.Backbones;
using Mentor.Evaluation;
using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Quantization;

[Collection(BackboneCollection.Name)]
public sealed class QuantizeCommandTests(Int8Fixture int8, SharedBackbone fp32) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Given an fp32 model file (linear head, or k-NN head with the square-root transform), when it is quantised,
    /// then the int8 file is about a quarter of the size, keeps labels and head, and stock onnxruntime-node picks the labels Mentor picks.
    /// </summary>
    [Theory]
    [InlineData("logistic")]
    [InlineData("knn")]
    public async Task An_int8_model_file_runs_in_onnxruntime_node_with_the_same_top1_as_Mentor(string head)
    {
        var labels = new[] { "dress", "pants", "shoes" };
        var source = _temp.Combine("fp32.onnx");
        ClassifierFile.Write(source, BackboneRegistry.Get("resnet18"), MakeHead(head, labels.Length), new ModelMetadata
        {
            Labels = labels, Backbone = "resnet18", BackboneIdentity = fp32.Backbone.Identity, Created = DateTimeOffset.UnixEpoch,
        });
        var output = _temp.Combine("int8.onnx");

        var result = await CliRunner.RunAsync("quantize", source, "--calibration", int8.CalibrationFolder,
            "--calibration-photos", Int8Fixture.CalibrationPhotos.ToString(System.Globalization.CultureInfo.InvariantCulture), "--cache", int8.CacheDirectory, "-o", output, "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, result.Json.GetProperty("floatConvolutions").GetInt32());
        Assert.Equal(22, result.Json.GetProperty("integerConvolutions").GetInt32());
        Assert.InRange(new FileInfo(output).Length, 10_000_000, 20_000_000);
        using var classifier = ImageClassifier.Load(output);
        Assert.Equal(labels, classifier.Labels);
        Assert.Equal(head, classifier.Metadata.Head);
        Assert.Equal(int8.Backbone.Identity, classifier.Metadata.BackboneIdentity);
        var photos = SharedData.SomeClothingPhotos(perClass: 3);
        var mentor = photos.Select(p => ClassificationMetrics.ArgMax(classifier.PredictProbabilities(File.ReadAllBytes(p), p))).ToArray();
        Assert.Equal(mentor, NodeRuntime.Top1(output, classifier, photos));
        Assert.True(mentor.Distinct().Count() > 1, "a check where every photo gets the same label proves little");
    }

    [Theory]
    [InlineData("corrupt", "not a valid ONNX file")]
    [InlineData("bare-onnx-without-photos", "needs calibration photos")]
    [InlineData("missing", "model file not found")]
    [InlineData("backbone-without-photos", "needs calibration photos")]
    [InlineData("unknown-name", "unknown backbone 'vgg99'")]
    public async Task A_corrupt_or_foreign_model_fails_with_one_clear_line(string kind, string message)
    {
        var corrupt = _temp.Combine("corrupt.onnx");
        File.WriteAllBytes(corrupt, [0x08, 0x07, 0x12, 0xff, 0xff, 0x01, 0x42]);
        var source = kind switch
        {
            "corrupt" => corrupt,
            "bare-onnx-without-photos" => BackboneRegistry.Get("resnet18").ModelPath,
            "missing" => _temp.Combine("nothing.onnx"),
            "backbone-without-photos" => "resnet18",
            _ => "vgg99",
        };

        var result = await CliRunner.RunAsync("quantize", source, "-o", _temp.Combine("out.onnx"), "--cache", int8.CacheDirectory);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("mentor: ", result.Error);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(_temp.Combine("out.onnx")));
    }

    /// <summary>Given a model that is already int8, when quantised again, then one line says so.</summary>
    [Fact]
    public async Task An_int8_model_is_not_quantised_twice()
    {
        var source = _temp.Combine("fp32.onnx");
        ClassifierFile.Write(source, int8.Backbone.Model, MakeHead("logistic", 2), new ModelMetadata
        {
            Labels = ["a", "b"], Backbone = "resnet18", BackboneIdentity = int8.Backbone.Identity, Created = DateTimeOffset.UnixEpoch,
        });

        var result = await CliRunner.RunAsync("quantize", source, "--calibration", int8.CalibrationFolder, "-o", _temp.Combine("out.onnx"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already int8", result.Error);
    }

    private ClassifierHead MakeHead(string kind, int classes)
    {
        var random = new Random(5);
        if (kind == "logistic")
            return new LinearHead(Enumerable.Range(0, classes * 512).Select(_ => (float)(random.NextDouble() - 0.5) * 0.1f).ToArray(), new float[classes]);
        // k-NN rows: real fp32 features (square-rooted, normalised) of two training photos per class.
        var photos = new[] { "dress", "pants", "shoes" }.Take(classes).SelectMany(l => SharedData.Clothing("train", l, 2)).ToList();
        var rows = photos.Select(p => Normalise(ClassifierHead.Apply(FeatureTransform.Sqrt, fp32.Use(b => Extract(b, p))))).ToList();
        return new KnnHead(rows.SelectMany(r => r).ToArray(), photos.Select((_, i) => i / 2).ToArray(), classes, k: 1, FeatureTransform.Sqrt);
    }

    private static float[] Extract(Backbone backbone, string photo)
    {
        var features = new float[backbone.FeatureSize];
        backbone.Run(Mentor.Features.ImagePreparer.Prepare(photo, backbone.Preprocessing), 1, features);
        return features;
    }

    private static float[] Normalise(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
