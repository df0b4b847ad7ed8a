using Mentor.Backbones;
using Mentor.Features;
using Mentor.Tests.Support;

namespace Mentor.Tests.Backbones;

/// <summary>Every registered backbone must load, batch, and give stable, finite features of its declared size.</summary>
public sealed class BackboneConformanceTests
{
    public static TheoryData<string> Names => new(BackboneRegistry.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void A_batch_gives_the_same_features_as_single_images(string name)
    {
        using var temp = new TempDirectory();
        using var backbone = Backbone.Load(name, BackboneOptions.Default with { CacheDirectory = temp.Path });
        var photos = SharedData.SomeClothingPhotos(perClass: 1);
        var length = backbone.Preprocessing.TensorLength;
        var inputs = new float[photos.Count * length];
        for (var i = 0; i < photos.Count; i++)
            ImagePreparer.Prepare(File.ReadAllBytes(photos[i]), photos[i], backbone.Preprocessing, inputs.AsSpan(i * length, length));

        var batched = new float[photos.Count * backbone.FeatureSize];
        backbone.Run(inputs, photos.Count, batched);

        var single = new float[backbone.FeatureSize];
        for (var i = 0; i < photos.Count; i++)
        {
            backbone.Run(inputs[(i * length)..((i + 1) * length)], 1, single);
            var fromBatch = batched.AsSpan(i * backbone.FeatureSize, backbone.FeatureSize).ToArray();
            Assert.All(fromBatch, v => Assert.True(float.IsFinite(v)));
            Assert.True(fromBatch.Zip(single).Max(p => Math.Abs(p.First - p.Second)) < 1e-3);
        }
        Assert.Contains(batched, v => v > 0.1f);
        Assert.StartsWith($"{name}:sha256:", backbone.Identity);
    }

    [Fact]
    public void An_unknown_backbone_lists_the_known_ones()
    {
        var error = Assert.Throws<MentorException>(() => BackboneRegistry.Get("vgg99"));
        Assert.Contains("unknown backbone 'vgg99'; available: resnet18", error.Message);
    }

    [Fact]
    public void A_damaged_prepared_model_in_the_cache_is_remade()
    {
        using var temp = new TempDirectory();
        using (Backbone.Load("resnet18", BackboneOptions.Default with { CacheDirectory = temp.Path })) { }
        var prepared = Directory.GetFiles(Path.Combine(temp.Path, "backbones")).Single();
        File.WriteAllBytes(prepared, [1, 2, 3]);

        // The session, and so the check, comes with the first use.
        using var backbone = Backbone.Load("resnet18", BackboneOptions.Default with { CacheDirectory = temp.Path });
        var featureSize = backbone.FeatureSize;

        Assert.Equal(512, featureSize);
        Assert.True(new FileInfo(prepared).Length > 60_000_000);
    }

    [Fact]
    public void A_file_that_is_not_an_onnx_model_is_one_clear_error()
    {
        using var temp = new TempDirectory();
        var fake = temp.Combine("fake.onnx");
        File.WriteAllText(fake, "definitely not protobuf");
        var spec = BackboneRegistry.Get("resnet18") with { ModelPath = fake };

        var error = Assert.Throws<MentorException>(() => Backbone.Load(spec, BackboneOptions.Default with { CacheDirectory = temp.Path }));

        Assert.StartsWith(fake, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }
}
