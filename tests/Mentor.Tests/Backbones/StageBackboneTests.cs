using Mentor.Backbones;
using Mentor.Features;
using Mentor.Tests.Support;

namespace Mentor.Tests.Backbones;

/// <summary><c>resnet18:layer3</c> and <c>resnet18:layer3+layer4</c>: pooled stage outputs as backbones.</summary>
[Collection(BackboneCollection.Name)]
public sealed class StageBackboneTests(SharedBackbone shared) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("layer3")]
    [InlineData("layer2+layer4")]
    public void A_stage_backbone_gives_the_average_of_the_inner_value_the_whole_graph_computes(string stages)
    {
        // Given a real photo and the inner values ONNX Runtime computes for it in the whole ResNet-18 graph
        var photo = SharedData.Clothing("validation", "shoes", 1)[0];
        var whole = BackboneRegistry.Get("resnet18");
        var input = ImagePreparer.Prepare(photo, whole.Preprocessing);
        var found = StageBackbones.Find(whole);
        var expected = stages.Split('+').SelectMany(name => PooledInnerValue(whole, found.Single(s => s.Name == name).Value, input, _temp.Path)).ToArray();

        // When the stage backbone runs on it
        using var backbone = Backbone.Load($"resnet18:{stages}", BackboneOptions.Default with { CacheDirectory = _temp.Path });
        var features = new float[backbone.FeatureSize];
        backbone.Run(input, 1, features);

        // Then its features are those values, globally average-pooled and concatenated
        Assert.Equal(expected.Length, features.Length);
        Assert.True(expected.Zip(features).Max(p => Math.Abs(p.First - p.Second)) < 1e-4 * expected.Max(Math.Abs));
        Assert.Contains(features, v => v > 0.1f);
    }

    [Fact]
    public void Stage_backbones_have_their_own_name_size_and_identity()
    {
        var options = BackboneOptions.Default with { CacheDirectory = _temp.Path };

        using var layer2 = Backbone.Load("resnet18:layer2", options);
        using var layer3 = Backbone.Load("resnet18:layer3", options);
        using var both = Backbone.Load("resnet18:layer3+layer4", options);

        Assert.Equal("resnet18:layer3+layer4", both.Spec.Name);
        Assert.Equal(layer3.FeatureSize + shared.Backbone.FeatureSize, both.FeatureSize);
        Assert.Equal(2 * layer2.FeatureSize, layer3.FeatureSize);
        string[] identities = [shared.Backbone.Identity, layer2.Identity, layer3.Identity, both.Identity];
        Assert.Equal(identities.Length, identities.Distinct().Count());
        Assert.StartsWith("resnet18:layer3:sha256:", layer3.Identity);
    }

    [Fact]
    public void The_derived_model_is_made_once_and_the_same_every_time()
    {
        var first = BackboneResolver.Spec("resnet18:layer2", _temp.Combine("a"));
        var written = File.GetLastWriteTimeUtc(first.ModelPath);
        var again = BackboneResolver.Spec("resnet18:layer2", _temp.Combine("a"));
        var elsewhere = BackboneResolver.Spec("resnet18:layer2", _temp.Combine("b"));

        Assert.Equal((first.Name, first.ModelPath, first.ContentHash), (again.Name, again.ModelPath, again.ContentHash));
        Assert.Equal(written, File.GetLastWriteTimeUtc(again.ModelPath));
        Assert.Equal(File.ReadAllBytes(first.ModelPath), File.ReadAllBytes(elsewhere.ModelPath));
    }

    [Fact]
    public void An_unknown_stage_lists_the_stages_found_in_one_line()
    {
        var error = Assert.Throws<OnnxGraphException>(() => BackboneResolver.Spec("resnet18:layer9", _temp.Path));

        Assert.Equal("resnet18: no stage 'layer9'; stages found: layer0, layer1, layer2, layer3, layer4.", error.Message);
    }

    // The inner value as the whole graph computes it (its nodes up to that value), averaged over space.
    private static float[] PooledInnerValue(BackboneSpec spec, string value, float[] input, string cache)
    {
        using var part = BackbonePart.Load(PreparedModels.GetOrCreate(spec, cache), value);
        var output = new float[part.OutputSize];
        part.Run(input, 1, output);
        var channels = part.OutputShape[0];
        var area = part.OutputSize / channels;
        return [.. Enumerable.Range(0, channels).Select(c => (float)output.AsSpan(c * area, area).ToArray().Average())];
    }
}
