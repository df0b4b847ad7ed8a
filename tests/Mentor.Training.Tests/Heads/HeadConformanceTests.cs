using Mentor.Backbones;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Heads;
using Mentor.Models;
using Mentor.Training.Heads;
using Microsoft.ML.OnnxRuntime;
using ModelMetadata = Mentor.Models.ModelMetadata;

namespace Mentor.Training.Tests.Heads;

/// <summary>
/// Every registered head kind, fitted on real cached features, written into a model file and read back, answers in
/// ONNX Runtime as it does in memory: the same class for every photo (ties included) and the same probabilities.
/// </summary>
[Collection(LibtorchCollection.Name)]
public sealed class HeadConformanceTests(ConformanceData data) : IClassFixture<ConformanceData>
{
    public static TheoryData<string> Kinds => [.. HeadRegistry.Names];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_head_answers_from_its_model_file_as_in_memory(string kind)
    {
        // Given the head fitted through the registry on real features
        var fitted = HeadRegistry.Get(kind).Fit(new HeadTrainingData(data.Features, data.Targets, ConformanceData.Labels.Length) { Seed = 7 });
        Assert.Equal(kind, fitted.Head.Kind);

        // When it is written into a model file and read back
        var path = Path.Combine(Path.GetTempPath(), $"mentor-conformance-{kind}-{Guid.NewGuid():N}.onnx");
        try
        {
            ClassifierFile.Write(path, BackboneRegistry.Get("resnet18"), fitted.Head, new ModelMetadata { Labels = ConformanceData.Labels, Backbone = "resnet18" });
            var reread = HeadFormats.Read(path);
            var (fileProbabilities, fileFeatures) = RunModelFile(path, data.QueryPaths);

            // Then the reader rebuilds the same head, and ONNX Runtime's probabilities are the head's on the file's own features
            Assert.Equal(fitted.Head.GetType(), reread.GetType());
            Assert.Equal(fitted.Head.Transform, reread.Transform);
            var ties = 0;
            for (var i = 0; i < data.QueryPaths.Count; i++)
            {
                var inMemory = fitted.Head.PredictProbabilities(fileFeatures[i]);
                Assert.Equal(inMemory, reread.PredictProbabilities(fileFeatures[i]));
                Assert.Equal(ClassificationMetrics.ArgMax(inMemory), ClassificationMetrics.ArgMax(fileProbabilities[i]));
                Assert.True(inMemory.Zip(fileProbabilities[i]).Max(p => Math.Abs(p.First - p.Second)) < 1e-4f,
                    $"{data.QueryPaths[i]}: [{string.Join(", ", inMemory)}] in memory, [{string.Join(", ", fileProbabilities[i])}] from the file");
                if (inMemory.Count(p => p == inMemory.Max()) > 1) ties++;
            }
            // The tied training photo ties a vote of neighbours: k-NN must meet it, and answer it the same way
            if (kind == "knn") Assert.True(ties > 0, "no query tied; the tie rule went untested");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_registered_kind_can_be_read_back_by_the_inference_library()
    {
        Assert.Equal(HeadRegistry.Names.Order(), HeadFormats.Kinds.Order());
    }

    // The model file's probabilities and features for each photo, from ONNX Runtime.
    private static (float[][] Probabilities, float[][] Features) RunModelFile(string path, IReadOnlyList<string> photos)
    {
        using var classifier = ImageClassifier.Load(path);
        var input = classifier.Metadata.Input;
        var length = classifier.Preprocessing.TensorLength;
        var batch = new float[photos.Count * length];
        for (var i = 0; i < photos.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(photos[i]), photos[i], classifier.Preprocessing, batch.AsSpan(i * length, length));
        using var session = new InferenceSession(path);
        using var tensor = OrtValue.CreateTensorValueFromMemory(batch, [photos.Count, 3, input.Size, input.Size]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input.Name], [tensor], [input.ProbabilitiesOutput, input.FeaturesOutput]);
        return (Rows(results[0], photos.Count), Rows(results[1], photos.Count));
    }

    private static float[][] Rows(OrtValue value, int count)
    {
        var flat = value.GetTensorDataAsSpan<float>().ToArray();
        var width = flat.Length / count;
        return [.. Enumerable.Range(0, count).Select(i => flat[(i * width)..((i + 1) * width)])];
    }
}
