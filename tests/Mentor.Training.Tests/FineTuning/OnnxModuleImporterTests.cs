using Mentor.Backbones;
using Mentor.Training.FineTuning;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>The ONNX importer: the imported ResNet-18 computes what ONNX Runtime computes; unsupported graphs fail clearly.</summary>
[Collection(LibtorchCollection.Name)]
public class OnnxModuleImporterTests(ITestOutputHelper output)
{
    [Fact]
    public void Imported_resnet18_in_eval_mode_gives_onnx_runtimes_pooled_features_on_real_photos()
    {
        // Given ResNet-18, four real photos prepared for it, and ONNX Runtime's features on the original graph
        var spec = BackboneRegistry.Get("resnet18");
        var photos = TestPhotos.Some(perClass: 1);
        var batch = TestPhotos.Prepare(photos, spec);
        var expected = new float[photos.Count * 512];
        var cache = Directory.CreateTempSubdirectory("mentor-import-");
        try
        {
            using (var backbone = Backbone.Load("resnet18", new BackboneOptions(CacheDirectory: cache.FullName)))
                backbone.Run(batch, photos.Count, expected);
        }
        finally
        {
            cache.Delete(recursive: true);
        }

        // When the graph is imported into TorchSharp and run in eval mode on the same batch
        using var module = OnnxModuleImporter.Import(spec.ModelPath);
        module.eval();
        float[] actual;
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var input = tensor(batch, [photos.Count, 3, 224, 224]);
            actual = module.forward(input).data<float>().ToArray();
        }

        // Then the pooled features agree to within 1e-3
        var difference = OnnxRuntimeRunner.MaxAbsDifference(expected, actual);
        output.WriteLine($"max abs difference {difference:E2}; largest feature {expected.Max():F3}");
        Assert.True(difference < 1e-3f, $"max abs difference {difference}");
        Assert.Equal(spec.Feature, Assert.Single(module.OutputNames));
        Assert.Equal(spec.InputName, Assert.Single(module.InputNames));
    }

    [Fact]
    public void An_unsupported_operator_fails_naming_the_operator_and_its_node()
    {
        // Given a graph with an Einsum node
        var model = SyntheticGraph.SingleNode("Einsum", "sum_rows");

        // When it is imported
        var error = Assert.Throws<OnnxImportException>(() => OnnxModuleImporter.Import(model));

        // Then one line names the operator, the node and a way out
        Assert.Contains("Einsum", error.Message);
        Assert.Contains("'sum_rows'", error.Message);
        Assert.Contains("cut the graph", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.IsAssignableFrom<MentorException>(error);
    }

    [Fact]
    public void Cutting_at_an_unknown_value_fails_naming_it()
    {
        // Given the synthetic graph
        var model = SyntheticGraph.AllOperators();

        // When it is cut at a value it does not have
        var error = Assert.Throws<OnnxImportException>(() => OnnxModuleImporter.Import(model, ["no_such_value"]));

        // Then the message names the value
        Assert.Contains("'no_such_value'", error.Message);
    }

    [Fact]
    public void A_graph_cut_at_an_inner_value_keeps_only_the_nodes_that_value_needs()
    {
        // Given the synthetic graph, cut at the global pool
        using var module = OnnxModuleImporter.Import(SyntheticGraph.AllOperators(), ["gap"]);

        // When it runs
        using var scope = NewDisposeScope();
        var y = module.forward(tensor(SyntheticGraph.RandomInput(1), SyntheticGraph.InputShape));

        // Then it outputs the pooled value, and the head nodes are gone
        Assert.Equal(new long[] { 2, 32, 1, 1 }, y.shape);
        Assert.DoesNotContain(module.Nodes, n => n.Name is "gemm" or "matmul" or "flatten");
        Assert.Equal("global_pool", module.Nodes[^1].Name);
    }
}
