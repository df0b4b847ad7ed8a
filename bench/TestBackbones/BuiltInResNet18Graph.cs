using Mentor.Backbones;
using Mentor.Models.Export;
using Onnx;

namespace Mentor.TestBackbones;

/// <summary>
/// The built-in ResNet-18 (CNTK, opset 8) opened for re-wrapping: its input expects BGR 0..255 minus a mean image,
/// its output is the global-average-pooled last stage. Sizes are read from the graph, never assumed.
/// </summary>
internal sealed class BuiltInResNet18Graph
{
    private readonly ModelProto _model;
    private readonly TensorProto _meanImage;

    private BuiltInResNet18Graph(ModelProto model, TensorProto meanImage)
    {
        _model = model;
        _meanImage = meanImage;
        var initializers = model.Graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var input = model.Graph.Input.Single(i => !initializers.Contains(i.Name));
        var output = model.Graph.Output.Single();
        InputName = input.Name;
        InputSize = (int)TensorValue.Dims(input)[2];
        OutputName = output.Name;
        Channels = (int)TensorValue.Dims(output)[1];
        Pool = model.Graph.Node.Single(n => n.Output.Contains(OutputName));
        if (Pool.OpType != "AveragePool")
            throw new InvalidOperationException($"{ResNet18.ModelPath}: expected an average pool to produce '{OutputName}', found {Pool.OpType}");
    }

    /// <summary>The network's image input (e.g. <c>Input247</c>).</summary>
    public string InputName { get; }

    /// <summary>Side of the square input.</summary>
    public int InputSize { get; }

    /// <summary>The pooled feature output (e.g. <c>Pooling395_Output_0</c>).</summary>
    public string OutputName { get; }

    /// <summary>Feature channels.</summary>
    public int Channels { get; }

    /// <summary>The final global average pool.</summary>
    private NodeProto Pool { get; }

    /// <summary>The un-pooled last-stage map (the pool's input).</summary>
    public string FeatureMapName => Pool.Input[0];

    /// <summary>Side of the last-stage map: the global pool's kernel.</summary>
    public int FeatureMapSize => (int)Pool.Attribute.Single(a => a.Name == "kernel_shape").Ints[0];

    public static BuiltInResNet18Graph Load()
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(ResNet18.ModelPath));
        var preprocess = ModelProto.Parser.ParseFrom(File.ReadAllBytes(ResNet18.PreprocessPath));
        return new BuiltInResNet18Graph(model, preprocess.Graph.Initializer.Single(t => t.Name == "MeanImage"));
    }

    /// <summary>
    /// A new model: <paramref name="toRgb255"/>'s nodes turn <paramref name="input"/> into RGB 0..255 NCHW; shared nodes make
    /// that BGR minus the mean image and feed the network; <paramref name="head"/> adds nodes after the pooled features (or,
    /// with <paramref name="keepFinalPool"/> false, after the un-pooled map) and returns the graph outputs.
    /// </summary>
    public ModelProto Wrap(ValueInfoProto input, Func<GraphBuilder, string> toRgb255, bool keepFinalPool,
        Func<GraphBuilder, string, IEnumerable<ValueInfoProto>> head, string docString)
    {
        var opset = _model.OpsetImport.Single(o => o.Domain.Length == 0).Version;
        var graph = new GraphProto { Name = "resnet18_rewrapped" };
        var builder = new GraphBuilder(graph, opset);
        graph.Input.Add(input);

        var rgb = toRgb255(builder);
        builder.Node("Split", ["rgb_r", "rgb_g", "rgb_b"], [rgb], GraphBuilder.Int("axis", 1), GraphBuilder.Ints("split", 1, 1, 1));
        var bgr = builder.Node("Concat", "bgr_0_255", ["rgb_b", "rgb_g", "rgb_r"], GraphBuilder.Int("axis", 1));
        graph.Initializer.Add(_meanImage.Clone());
        builder.Node("Sub", InputName, [bgr, _meanImage.Name]);

        graph.Node.AddRange(_model.Graph.Node.Where(n => keepFinalPool || n != Pool).Select(n => n.Clone()));
        graph.Initializer.AddRange(_model.Graph.Initializer.Select(t => t.Clone()));
        graph.Output.AddRange(head(builder, keepFinalPool ? OutputName : FeatureMapName));

        // The original is IR 3, which lists every initializer as a graph input; from IR 4 they stay out, leaving the image the only input.
        return Layers.Model(graph, opset, docString);
    }
}
