using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Models;
using Mentor.Tests.Support;
using Onnx;

namespace Mentor.Tests.Models;

[Collection(BackboneCollection.Name)]
public sealed class ClassifierFileTests(SharedBackbone shared, TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void The_model_file_gives_the_probabilities_of_backbone_features_through_the_head()
    {
        using var classifier = ImageClassifier.Load(model.Path);
        var photos = SharedData.SomeClothingPhotos(perClass: 1);
        var features = new FeatureExtractor(shared.Backbone, null).Extract(photos);

        for (var i = 0; i < photos.Count; i++)
        {
            var fromFile = classifier.PredictProbabilities(File.ReadAllBytes(photos[i]), photos[i]);
            var fromHead = model.Head.PredictProbabilities(features.Features[i]);
            Assert.True(fromFile.Zip(fromHead).Max(p => Math.Abs(p.First - p.Second)) < 1e-4, $"photo {i}");
        }
    }

    [Fact]
    public void A_knn_model_file_votes_like_its_head()
    {
        using var temp = new TempDirectory();
        var photos = SharedData.SomeClothingPhotos(perClass: 2);
        var features = new FeatureExtractor(shared.Backbone, null).Extract(photos).Features.Select(f => f!).ToArray();
        var normalized = features.SelectMany(f => { var n = (float)Math.Sqrt(f.Sum(v => v * v)); return f.Select(v => v / n); }).ToArray();
        int[] labels = [0, 0, 1, 1, 2, 2, 3, 3];
        var head = new KnnHead(normalized, labels, 4, k: 3);
        var path = temp.Combine("knn.onnx");
        ClassifierFile.Write(path, BackboneRegistry.Get("resnet18"), head, new ModelMetadata { Labels = ["dress", "pants", "shoes", "t-shirt"], Backbone = "resnet18" });

        using var classifier = ImageClassifier.Load(path);
        var others = SharedData.Clothing("test", "shoes", 3);
        var otherFeatures = new FeatureExtractor(shared.Backbone, null).Extract(others);
        for (var i = 0; i < others.Count; i++)
        {
            var fromFile = classifier.PredictProbabilities(File.ReadAllBytes(others[i]), others[i]);
            var fromHead = head.PredictProbabilities(otherFeatures.Features[i]);
            Assert.True(fromFile.Zip(fromHead).Max(p => Math.Abs(p.First - p.Second)) < 1e-5, $"photo {i}");
        }
        Assert.Equal("knn", classifier.Metadata.Head);
    }

    [Fact]
    public void Metadata_round_trips_with_the_version_format_and_checksum()
    {
        using var classifier = ImageClassifier.Load(model.Path);

        Assert.Equal(model.Metadata.Labels, classifier.Labels);
        Assert.Equal(ModelMetadata.CurrentFormat, classifier.Metadata.Format);
        Assert.Equal("logistic", classifier.Metadata.Head);
        Assert.Equal(ClassifierFile.MentorVersion, classifier.Metadata.MentorVersion);
        Assert.Equal("resnet18:sha256:test", classifier.Metadata.BackboneIdentity);
        Assert.Equal(64, classifier.Metadata.GraphSha256.Length);
        Assert.Equal("crop1", classifier.Metadata.Input.Resize);
    }

    [Fact]
    public void A_plain_onnx_model_is_refused_as_not_a_mentor_model()
    {
        var error = Assert.Throws<ModelFileException>(() => ImageClassifier.Load(BackboneRegistry.Get("resnet18").ModelPath));
        Assert.Contains("not a Mentor model", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var path = model.Copy("truncated.onnx");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<ModelFileException>(() => ImageClassifier.Load(path));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void An_altered_weight_is_caught_by_the_checksum()
    {
        var path = model.Copy("altered.onnx");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x10; // inside the backbone's weights
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<ModelFileException>(() => ImageClassifier.Load(path));

        Assert.Contains("damaged or altered", error.Message);
    }

    [Fact]
    public void A_file_from_a_newer_format_asks_for_an_upgrade()
    {
        var path = model.Copy("newer.onnx");
        var proto = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        var entry = proto.MetadataProps.Single(p => p.Key == ModelMetadata.Key);
        entry.Value = entry.Value.Replace($"\"format\":{ModelMetadata.CurrentFormat}", "\"format\":99", StringComparison.Ordinal);
        File.WriteAllBytes(path, Google.Protobuf.MessageExtensions.ToByteArray(proto));

        var error = Assert.Throws<ModelFileException>(() => ImageClassifier.Load(path));

        Assert.Contains("newer Mentor (model format 99", error.Message);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("text")]
    [InlineData("empty")]
    public void Files_that_are_not_models_are_one_clear_line(string kind)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("model.onnx");
        if (kind == "text") File.WriteAllText(path, "hello, I am not a model");
        if (kind == "empty") File.WriteAllBytes(path, []);

        var error = Assert.Throws<ModelFileException>(() => ImageClassifier.Load(path));

        Assert.StartsWith(path, error.Message);
        Assert.DoesNotContain("\n", error.Message);
    }
}
