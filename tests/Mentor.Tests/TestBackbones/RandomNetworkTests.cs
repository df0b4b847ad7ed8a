using Google.Protobuf;
using Mentor.Quantization;
using Mentor.TestBackbones;
using Mentor.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Tests.TestBackbones;

/// <summary>The random-weights networks give a usable feature: one per photo, the same in a batch as alone.</summary>
public sealed class RandomNetworkTests
{
    public static TheoryData<string> Names => new(RandomCnn.Name, TinyEncoder.Name);

    /// <summary>
    /// Given a random-weights backbone with a symbolic batch, when four real photos prepared per its spec run as one batch
    /// and one at a time, then the spec's feature value is the same both ways and differs from photo to photo.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void The_spec_feature_is_the_same_batched_or_alone_and_tells_photos_apart(string name)
    {
        var backbone = BuiltTestBackbones.Get(name);
        var spec = backbone.Spec;
        var model = ModelProto.Parser.ParseFrom(backbone.Model);
        if (model.Graph.Output.All(o => o.Name != spec.Feature)) model.Graph.Output.Add(Tensors.FloatValue(spec.Feature));
        using var session = new InferenceSession(model.ToByteArray());
        var photos = SharedData.SomeClothingPhotos(perClass: 1);
        var inputs = photos.Select(p => ConventionInput.Prepare(p, spec)).ToList();

        var (batched, shape) = ConventionInput.Run(session, inputs.SelectMany(i => i).ToArray(), ConventionInput.Shape(spec, photos.Count), spec.Feature);
        var alone = inputs.Select(i => ConventionInput.Run(session, i, ConventionInput.Shape(spec, 1), spec.Feature).Values).ToList();

        Assert.Equal(photos.Count, shape[0]);
        var length = alone[0].Length;
        for (var i = 0; i < photos.Count; i++)
        {
            var fromBatch = batched.AsSpan(i * length, length).ToArray();
            Assert.True(MaxAbsDifference(fromBatch, alone[i]) < 1e-4, $"photo {i}: batch and single runs differ");
            if (i > 0) Assert.True(MaxAbsDifference(alone[i], alone[0]) > 1e-3, $"photos 0 and {i} give the same feature");
        }
    }

    private static float MaxAbsDifference(float[] a, float[] b) => a.Zip(b).Max(p => Math.Abs(p.First - p.Second));
}
