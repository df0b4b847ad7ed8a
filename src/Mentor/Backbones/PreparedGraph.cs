using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Turns a backbone's ONNX graph into the form Mentor runs: cut at the spec's feature value (nodes, weights and
/// inputs nothing needs are dropped), batch axis symbolic, names that a model file uses itself renamed, the input
/// renamed <see cref="InputName"/>, and the feature pooled and flattened into <see cref="OutputName"/> [N, D].
/// </summary>
internal static class PreparedGraph
{
    /// <summary>The image input of every prepared graph.</summary>
    public const string InputName = BackboneModel.InputName;

    /// <summary>The [N, D] feature output of every prepared graph.</summary>
    public const string OutputName = BackboneModel.OutputName;

    /// <summary>Changes whenever this preparation would write a different graph; part of the prepared file's key.</summary>
    public const string Version = "3";

    /// <summary>The prepared model bytes for <paramref name="spec"/>.</summary>
    /// <exception cref="MentorException">The file is not ONNX, or the spec's input, feature or pool do not fit the graph.</exception>
    public static byte[] Prepare(BackboneSpec spec)
    {
        var model = Parse(spec.ModelPath);
        var graph = model.Graph;
        if (!graph.Input.Any(i => i.Name == spec.InputName))
            throw new BackboneSpecException(spec.ModelPath, "input", $"the graph has no input '{spec.InputName}' (inputs: {string.Join(", ", graph.Input.Select(i => i.Name))})");
        if (!graph.Node.Any(n => n.Output.Contains(spec.Feature)) && !graph.Input.Any(i => i.Name == spec.Feature))
            throw new BackboneSpecException(spec.ModelPath, "feature", $"the graph has no value '{spec.Feature}'");
        graph.Output.Clear();
        graph.Output.Add(new ValueInfoProto { Name = spec.Feature, Type = FloatType() });
        GraphCut.Prune(graph, spec.InputName);
        var names = GraphNames.AvoidReserved(graph);
        GraphNames.Rename(graph, names[spec.InputName], InputName);
        var feature = names[spec.Feature] == names[spec.InputName] ? InputName : names[spec.Feature];
        SymbolicBatch.Apply(graph);
        var shape = Probe(model, feature, spec.Preprocessing, spec.ModelPath);
        FeaturePooling.Append(model, feature, shape, spec, OutputName);
        graph.Output.Clear();
        graph.Output.Add(Models.Export.GraphBuilder.BatchTensor(OutputName, FeaturePooling.Dimension(shape, spec)));
        model.MetadataProps.Clear();
        StoreWeightsRaw(graph);
        return model.ToByteArray();
    }

    // Weights as raw bytes rather than ONNX's repeated float_data: the same size, but a reader copies a raw tensor in one
    // move where it decodes float_data number by number (0.7 s for ResNet-18 in Google.Protobuf, paid by every model
    // written from this graph).
    private static void StoreWeightsRaw(GraphProto graph)
    {
        foreach (var tensor in graph.Initializer)
            if (tensor.DataType == (int)TensorProto.Types.DataType.Float && tensor.FloatData.Count > 0) Quantization.Tensors.MoveToRawData(tensor);
    }

    /// <summary>The ONNX model at <paramref name="path"/>, read with sharing; one clear error if it is not one.</summary>
    public static ModelProto Parse(string path)
    {
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new MentorException($"{path}: not a valid ONNX model ({e.Message}); check the file or export it again.");
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw new MentorException($"{path}: not a valid ONNX model (no graph); check the file or export it again.");
        return model;
    }

    // The feature's shape for one image is only known once the graph has run: run one blank image.
    private static long[] Probe(ModelProto model, string feature, PreprocessingSpec preprocessing, string path)
    {
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, IntraOpNumThreads = 1 };
        try
        {
            using var session = new InferenceSession(model.ToByteArray(), options);
            var shape = preprocessing.BatchShape(1);
            using var blank = OrtValue.CreateTensorValueFromMemory(new float[preprocessing.TensorLength], shape);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, [InputName], [blank], [feature]);
            return results[0].GetTensorTypeAndShape().Shape;
        }
        catch (OnnxRuntimeException e)
        {
            throw new MentorException($"{path}: ONNX Runtime cannot run the backbone on a {string.Join("x", preprocessing.TensorShape)} image ({e.Message.Split('\n')[0].Trim()}); check input_size and layout in the spec.");
        }
    }

    private static TypeProto FloatType() => new() { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } };
}
