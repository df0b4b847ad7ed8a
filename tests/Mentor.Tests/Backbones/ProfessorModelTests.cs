using Mentor.Heads.Logistic;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Models;
using Mentor.Tests.Support;
using Mentor.TestBackbones;

namespace Mentor.Tests.Backbones;

/// <summary>The student becomes a professor: a Mentor model file is a backbone (its features output).</summary>
public sealed class ProfessorModelTests
{
    [Fact]
    public void A_model_file_gives_its_backbones_features_and_models_built_on_either_run_in_onnxruntime_node()
    {
        // Given a model file built on a non-built-in backbone (the torchvision-style test backbone, from its spec file)
        using var temp = new TempDirectory();
        var options = BackboneOptions.Default with { CacheDirectory = temp.Path };
        var photos = SharedData.SomeClothingPhotos(perClass: 2);
        string[] labels = ["dress", "pants", "shoes", "t-shirt"];
        var first = temp.Combine("first.onnx");
        float[][] professorFeatures;
        using (var backbone = Backbone.Load(BackboneResolver.Spec(TestBackboneFiles.Backbone(TorchvisionResNet18.Name + ".json")), options))
        {
            ClassifierFile.Write(first, backbone.Model, RandomHead(backbone.FeatureSize, labels.Length, seed: 1), new ModelMetadata { Labels = labels });
            professorFeatures = Features(backbone, photos);
        }

        // When that model file is the backbone of a second model
        var second = temp.Combine("second.onnx");
        using (var student = Backbone.Load(first, options))
        {
            // Then it gives the first backbone's features
            var features = Features(student, photos);
            Assert.Equal(professorFeatures[0].Length, student.FeatureSize);
            Assert.True(features.Zip(professorFeatures).Max(p => p.First.Zip(p.Second).Max(q => Math.Abs(q.First - q.Second))) < 1e-3);
            ClassifierFile.Write(second, student.Model, RandomHead(student.FeatureSize, labels.Length, seed: 2), new ModelMetadata { Labels = labels });
        }

        // And both model files give Mentor's top-1 labels in stock onnxruntime-node
        foreach (var model in new[] { first, second })
        {
            using var classifier = ImageClassifier.Load(model);
            var mentor = photos.Select(p => ArgMax(classifier.PredictProbabilities(File.ReadAllBytes(p), p))).ToArray();
            Assert.Equal(mentor, NodeRuntime.Top1(model, classifier, photos));
        }
    }

    private static float[][] Features(Backbone backbone, IReadOnlyList<string> photos) =>
        [.. photos.Select(p =>
        {
            var features = new float[backbone.FeatureSize];
            backbone.Run(ImagePreparer.Prepare(p, backbone.Preprocessing), 1, features);
            return features;
        })];

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());

    private static LinearHead RandomHead(int dimension, int classes, int seed)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, dimension * classes).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        return new LinearHead(weights, new float[classes], FeatureTransform.None);
    }
}
