using Mentor.Heads.Knn;
using Mentor.Heads.Logistic;
using Mentor.Heads;
using Mentor.Backbones;
using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Models;

/// <summary>One linear-head model file (random but fixed weights) written once for the model-file tests.</summary>
public sealed class TrainedModelFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public TrainedModelFixture()
    {
        var random = new Random(3);
        var weights = Enumerable.Range(0, 3 * 512).Select(_ => (float)(random.NextDouble() - 0.5) * 0.1f).ToArray();
        Head = new LinearHead(weights, [0.1f, -0.2f, 0.05f]);
        Metadata = new ModelMetadata
        {
            Labels = ["dress", "pants", "shoes"],
            Backbone = "resnet18",
            BackboneIdentity = "resnet18:sha256:test",
            Created = DateTimeOffset.UnixEpoch,
        };
        Path = _temp.Combine("model.onnx");
        ClassifierFile.Write(Path, BackboneRegistry.Get("resnet18"), Head, Metadata);
    }

    public LinearHead Head { get; }

    public ModelMetadata Metadata { get; }

    public string Path { get; }

    public string Copy(string name)
    {
        var target = _temp.Combine(name);
        File.Copy(Path, target, overwrite: true);
        return target;
    }

    public void Dispose() => _temp.Dispose();
}
