using Google.Protobuf;
using Mentor.Backbones;
using Mentor.Training.FineTuning;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>Import -> export -> ONNX Runtime gives what the imported module gives.</summary>
[Collection(LibtorchCollection.Name)]
public class OnnxModuleExporterTests(ITestOutputHelper output)
{
    [Fact]
    public void Resnet18_round_trip_runs_in_onnx_runtime_with_the_imported_modules_outputs()
    {
        // Given ResNet-18 imported, and a real photo
        var spec = BackboneRegistry.Get("resnet18");
        var photo = TestPhotos.Prepare(TestPhotos.Some(perClass: 1).Take(1).ToList(), spec);
        using var module = OnnxModuleImporter.Import(spec.ModelPath);
        module.eval();

        // When it is exported and the export runs in ONNX Runtime
        var exported = OnnxModuleExporter.Export(module);
        var fromOnnx = OnnxRuntimeRunner.Run(exported.ToByteArray(), spec.InputName, photo, [1, 3, 224, 224], spec.Feature);

        // Then the outputs equal the module's, and the graph keeps its opset and node names
        var fromTorch = RunTorch(module, photo, [1, 3, 224, 224]);
        var difference = OnnxRuntimeRunner.MaxAbsDifference(fromTorch, fromOnnx);
        output.WriteLine($"max abs difference {difference:E2}");
        Assert.True(difference < 1e-4f, $"max abs difference {difference}");
        var source = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(spec.ModelPath));
        Assert.Equal(source.OpsetImport.Single().Version, exported.OpsetImport.Single().Version);
        Assert.Equal(source.Graph.Node.Select(n => n.Name), exported.Graph.Node.Select(n => n.Name));
        Assert.Equal(source.Graph.Initializer.Count, exported.Graph.Initializer.Count);
    }

    [Fact]
    public void Synthetic_graph_of_the_other_operators_round_trips_with_equal_outputs()
    {
        // Given the synthetic graph (grouped dilated Conv with asymmetric pads, BatchNormalization, Clip, HardSigmoid,
        // HardSwish, Sigmoid, Mul and Add with broadcasting, Relu, AveragePool with pads, MaxPool, Concat, Pad,
        // GlobalAveragePool, Reshape, Gemm, Dropout, MatMul, Flatten), imported
        var model = SyntheticGraph.AllOperators();
        var input = SyntheticGraph.RandomInput(3);
        using var module = OnnxModuleImporter.Import(model);
        module.eval();

        // When exported and run in ONNX Runtime
        var exported = OnnxModuleExporter.ExportBytes(module);
        var fromOnnx = OnnxRuntimeRunner.Run(exported, SyntheticGraph.Input, input, SyntheticGraph.InputShape, SyntheticGraph.Output);
        var original = OnnxRuntimeRunner.Run(model.ToByteArray(), SyntheticGraph.Input, input, SyntheticGraph.InputShape, SyntheticGraph.Output);

        // Then the module, its export and the original graph agree
        var fromTorch = RunTorch(module, input, SyntheticGraph.InputShape);
        output.WriteLine($"torch [{string.Join(", ", fromTorch.Select(v => v.ToString("F5")))}]");
        output.WriteLine($"onnx  [{string.Join(", ", fromOnnx.Select(v => v.ToString("F5")))}]");
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(fromTorch, fromOnnx) < 1e-4f);
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(original, fromOnnx) < 1e-6f);
        Assert.Contains(fromTorch, v => Math.Abs(v) > 0.1f);
    }

    [Fact]
    public void Older_opset_operator_forms_round_trip_with_equal_outputs()
    {
        // Given an opset-10 graph (Clip and Pad attributes, Conv auto_pad SAME_UPPER, MaxPool ceil_mode, Dropout ratio), imported
        var model = SyntheticGraph.LegacyForms();
        var input = SyntheticGraph.RandomInput(4);
        using var module = OnnxModuleImporter.Import(model);
        module.eval();

        // When exported and run in ONNX Runtime
        var fromOnnx = OnnxRuntimeRunner.Run(OnnxModuleExporter.ExportBytes(module), SyntheticGraph.Input, input, SyntheticGraph.InputShape, SyntheticGraph.Output);

        // Then the module and ONNX Runtime agree, in the source's opset
        var fromTorch = RunTorch(module, input, SyntheticGraph.InputShape);
        Assert.True(OnnxRuntimeRunner.MaxAbsDifference(fromTorch, fromOnnx) < 1e-4f, $"torch [{string.Join(", ", fromTorch)}] onnx [{string.Join(", ", fromOnnx)}]");
        Assert.Equal(10, OnnxModuleExporter.Export(module).OpsetImport.Single().Version);
    }

    internal static float[] RunTorch(ImportedModule module, float[] input, long[] shape)
    {
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return module.forward(tensor(input, shape)).data<float>().ToArray();
    }
}
