using Mentor.Backbones;
using Mentor.Features;
using Mentor.Training.Tests.FineTuning;

namespace Mentor.Training.Tests.Heads;

/// <summary>
/// Real cached ResNet-18 features of a fixed subset of clothing-small (first photos in ordinal order): ten training
/// photos of each of four classes, plus one training photo (a dress) stored 21 more times, 11 times as pants, so that its
/// 22 identical rows are 11 per class and a query of that photo ties for every k up to 21 (both at the k-th place and in the vote); the queries are
/// test photos and that training photo.
/// </summary>
public sealed class ConformanceData : IDisposable
{
    public static readonly string[] Labels = ["dress", "pants", "shoes", "t-shirt"];
    private const int TrainPerClass = 10;
    private const int Copies = 21;

    public ConformanceData()
    {
        var cache = new FeatureCache(Path.Combine(Path.GetTempPath(), "mentor-tests", "conformance-features"));
        Backbone = Backbone.Load("resnet18", BackboneOptions.Default with { CacheDirectory = Path.Combine(Path.GetTempPath(), "mentor-tests", "backbone-cache") });
        var extractor = new FeatureExtractor(Backbone, cache);
        var train = Labels.SelectMany((label, c) => TestPhotos.Of("train", label, TrainPerClass).Select(p => (Path: p, Label: c))).ToList();
        var features = Extract(extractor, train.Select(t => t.Path).ToList());
        var tied = features[0];
        Features = [.. features, .. Enumerable.Repeat(tied, Copies)];
        Targets = [.. train.Select(t => t.Label), .. Enumerable.Range(0, Copies).Select(i => (i + 1) % 2)];
        QueryPaths = [.. Labels.SelectMany(label => TestPhotos.Of("test", label, 3)), train[0].Path];
    }

    public Backbone Backbone { get; }

    public float[][] Features { get; }

    public int[] Targets { get; }

    /// <summary>Photos the model file and the in-memory head are compared on; the last one is the tied training photo.</summary>
    public IReadOnlyList<string> QueryPaths { get; }

    private static float[][] Extract(FeatureExtractor extractor, IReadOnlyList<string> paths) =>
        [.. extractor.Extract(paths).Features.Select((f, i) => f ?? throw new InvalidDataException($"{paths[i]} gave no features"))];

    public void Dispose() => Backbone.Dispose();
}
