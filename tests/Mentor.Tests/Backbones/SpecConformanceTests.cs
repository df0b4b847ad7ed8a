using Mentor.TestBackbones;
using Mentor.Heads.Logistic;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Backbones;

/// <summary>
/// One suite over every backbone the tests know (the built-in, the test backbones as spec files and as bare ONNX):
/// feature shape, batch = single image, the spec's file round trip, the model file built on it, and distinct cache keys.
/// </summary>
public sealed class SpecConformanceTests
{
    public static TheoryData<string> Keys => new(TestBackboneFiles.Keys);

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_backbone_gives_the_same_features_batched_as_alone_and_its_model_file_agrees(string key)
    {
        // Given the backbone, loaded with a fresh cache, and four real photos prepared as its spec says
        using var temp = new TempDirectory();
        var spec = BackboneResolver.Spec(TestBackboneFiles.Backbone(key));
        using var backbone = Backbone.Load(spec, BackboneOptions.Default with { CacheDirectory = temp.Path });
        var photos = SharedData.SomeClothingPhotos(perClass: 1);
        var length = backbone.Preprocessing.TensorLength;
        var inputs = new float[photos.Count * length];
        for (var i = 0; i < photos.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(photos[i]), photos[i], backbone.Preprocessing, inputs.AsSpan(i * length, length));

        // When they run as one batch and one by one
        var d = backbone.FeatureSize;
        var batched = new float[photos.Count * d];
        backbone.Run(inputs, photos.Count, batched);
        var single = new float[d];

        // Then the features are [N, D], finite, and the same either way
        var dimension = key.StartsWith(RandomCnn.Name, StringComparison.Ordinal) ? RandomCnn.Features
            : key.StartsWith(TinyEncoder.Name, StringComparison.Ordinal) ? TinyEncoder.Width
            : 512; // the built-in ResNet-18 and its re-wraps
        Assert.Equal(dimension, d);
        for (var i = 0; i < photos.Count; i++)
        {
            backbone.Run(inputs[(i * length)..((i + 1) * length)], 1, single);
            Assert.All(single, v => Assert.True(float.IsFinite(v)));
            Assert.True(batched.AsSpan(i * d, d).ToArray().Zip(single).Max(p => Math.Abs(p.First - p.Second)) < 1e-3, $"photo {i}");
        }

        // And a model file built on it (RGB 0..255 in, the spec's preprocessing as ONNX nodes inside) gives the head's answers on those features
        var head = RandomHead(d, classes: 4);
        var modelPath = temp.Combine("model.onnx");
        ClassifierFile.Write(modelPath, backbone.Model, head, new ModelMetadata { Labels = ["dress", "pants", "shoes", "t-shirt"] });
        using var classifier = ImageClassifier.Load(modelPath);
        var expected = head.PredictProbabilities([.. Enumerable.Range(0, photos.Count).Select(i => batched[(i * d)..((i + 1) * d)])]);
        for (var i = 0; i < photos.Count; i++)
        {
            var actual = classifier.PredictProbabilities(File.ReadAllBytes(photos[i]), photos[i]);
            Assert.True(actual.Zip(expected[i]).Max(p => Math.Abs(p.First - p.Second)) < 1e-3, $"photo {i}: model file and backbone + head differ");
        }
        Assert.Equal(spec.Identity, classifier.Metadata.BackboneIdentity);
        Assert.Equal(spec.ContentHash, BackboneSpecFile.FromJson(classifier.Metadata.BackboneSpec!, modelPath).Spec.ContentHash);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_spec_written_to_a_file_reads_back_with_the_same_content_hash(string key)
    {
        using var temp = new TempDirectory();
        var spec = BackboneResolver.Spec(TestBackboneFiles.Backbone(key));
        var path = temp.Combine("spec.json");

        BackboneSpecFile.Write(spec, path);

        Assert.Equal(spec.ContentHash, BackboneResolver.Spec(path).ContentHash);
    }

    [Fact]
    public void Every_backbone_has_its_own_cache_namespace()
    {
        var namespaces = TestBackboneFiles.Keys
            .Select(k => BackboneResolver.Spec(TestBackboneFiles.Backbone(k)))
            .Select(s => FeatureKey.NamespaceFor(s.Identity, s.Preprocessing.Id))
            .ToList();

        Assert.Equal(namespaces.Count, namespaces.Distinct().Count());
    }

    private static LinearHead RandomHead(int dimension, int classes)
    {
        var random = new Random(7);
        var weights = Enumerable.Range(0, dimension * classes).Select(_ => (float)(random.NextDouble() - 0.5) * 0.1f).ToArray();
        return new LinearHead(weights, new float[classes], FeatureTransform.None);
    }
}
