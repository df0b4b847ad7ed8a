using BenchmarkDotNet.Attributes;
using Mentor.Backbones;
using Mentor.Heads.Logistic;
using Mentor.Models;

namespace Mentor.Bench;

/// <summary>
/// One prediction in a warm process: read, decode, resize, run the whole model file (backbone, head, softmax).
/// The head's weights do not change the cost, so a fixed random head stands in for a trained one.
/// </summary>
public class PredictBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mentor-bench-predict-{Environment.ProcessId}");
    private ImageClassifier _classifier = null!;
    private string _photo = "";

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_directory);
        var random = new Random(1);
        var head = new LinearHead(Enumerable.Range(0, 10 * 512).Select(_ => (float)random.NextDouble() - 0.5f).ToArray(), new float[10], FeatureTransform.Sqrt);
        var path = Path.Combine(_directory, "model.onnx");
        ClassifierFile.Write(path, BackboneRegistry.Get("resnet18"), head, new ModelMetadata { Labels = Enumerable.Range(0, 10).Select(i => $"class{i}").ToList() });
        _classifier = ImageClassifier.Load(path);
        _photo = BenchData.ClothingPhotos(1)[0];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classifier.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public IReadOnlyList<LabelScore> PredictOnePhoto() => _classifier.Predict(_photo, top: 3);
}
