using Mentor.Evaluation;
using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Models;

public sealed class NodeRuntimeTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>
{
    /// <summary>Given a model file, when stock onnxruntime-node runs it on real photos, then it picks the labels Mentor picks.</summary>
    [Fact]
    public void Stock_onnxruntime_node_gives_the_same_top1_labels_as_Mentor()
    {
        using var classifier = ImageClassifier.Load(model.Path);
        var photos = SharedData.SomeClothingPhotos(perClass: 3);

        var mentor = photos.Select(p => ClassificationMetrics.ArgMax(classifier.PredictProbabilities(File.ReadAllBytes(p), p))).ToArray();
        var node = NodeRuntime.Top1(model.Path, classifier, photos);

        Assert.Equal(mentor, node);
        Assert.True(mentor.Distinct().Count() > 1, "a check where every photo gets the same label proves little");
    }
}
