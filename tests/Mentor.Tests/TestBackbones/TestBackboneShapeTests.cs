using Mentor.TestBackbones;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Tests.TestBackbones;

/// <summary>Every test backbone loads in ONNX Runtime and gives the output shapes it declares.</summary>
public sealed class TestBackboneShapeTests
{
    public static TheoryData<string> Names => new(TestBackboneCatalog.All.Select(e => e.Name));

    /// <summary>
    /// Given a generated test backbone, when it runs on a batch of 1 and, where its batch is symbolic, of 3,
    /// then each declared output comes out with its declared shape and finite values.
    /// </summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void Runs_and_gives_the_declared_output_shapes(string name)
    {
        var backbone = BuiltTestBackbones.Get(name);
        using var session = new InferenceSession(backbone.Model);
        var input = session.InputMetadata.Single();
        Assert.Equal(backbone.Outputs.Select(o => o.Name).Order(), session.OutputNames.Order());
        var symbolicBatch = input.Value.Dimensions[0] == -1;
        Assert.Equal(symbolicBatch, backbone.Outputs.All(o => o.Shape[0] == DeclaredOutput.SymbolicBatch));

        foreach (var batch in symbolicBatch ? new[] { 1, 3 } : [1])
        {
            var shape = input.Value.Dimensions.Select((d, i) => i == 0 ? batch : (long)d).ToArray();
            var random = new SeededRandom(7);
            var values = random.Uniform((int)shape.Aggregate(1L, (a, b) => a * b), 1f);
            using var value = OrtValue.CreateTensorValueFromMemory(values, shape);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, [input.Key], [value], session.OutputNames);

            for (var i = 0; i < results.Count; i++)
            {
                var declared = backbone.Outputs.Single(o => o.Name == session.OutputNames[i]);
                Assert.Equal(declared.ShapeFor(batch), results[i].GetTensorTypeAndShape().Shape);
                Assert.All(results[i].GetTensorDataAsSpan<float>().ToArray(), v => Assert.True(float.IsFinite(v)));
            }
        }
    }

    /// <summary>Given a test backbone's spec, then it names its model file, a square 3-channel input, and an output or inner value as the feature.</summary>
    [Theory]
    [MemberData(nameof(Names))]
    public void The_spec_describes_the_model(string name)
    {
        var backbone = BuiltTestBackbones.Get(name);
        using var session = new InferenceSession(backbone.Model);
        var dims = session.InputMetadata.Single().Value.Dimensions;
        var spec = backbone.Spec;

        Assert.Equal(name, spec.Name);
        Assert.Equal(backbone.ModelFileName, spec.File);
        Assert.Equal(3, spec.InputSize[0]);
        Assert.Equal(spec.Layout == "NHWC" ? [dims[1], dims[2], dims[3]] : [dims[2], dims[3], dims[1]], new[] { spec.InputSize[1], spec.InputSize[2], 3 });
        Assert.Equal(3, spec.Mean.Count);
        Assert.Equal(3, spec.Std.Count);
        Assert.Contains(spec.Pool, new[] { "auto", "avg", "cls", "mean", "none" });
    }
}
