using Mentor.Heads;
using System.Security.Cryptography;
using Google.Protobuf;
using Mentor.Backbones;
using Onnx;

namespace Mentor.Models.Export;

/// <summary>
/// Writes one self-contained ONNX file: input preprocessing (RGB 0..255, NCHW, to the backbone's input, derived from its
/// spec by <see cref="PreprocessingNodes"/>), the prepared backbone, the head and its softmax, with <see cref="ModelMetadata"/>
/// under the metadata key <c>mentor</c>. Outputs: <c>probabilities</c> [N, classes] and <c>features</c> [N, D]. Any stock
/// ONNX Runtime runs it. The backbone graph is read from <see cref="BackboneModel.Path"/> (fp32, int8 at opset 13) or
/// given in memory (fine-tuned).
/// </summary>
internal static class ClassifierExporter
{
    /// <summary>Writes the model to <paramref name="destination"/>, the backbone graph read from <see cref="BackboneModel.Path"/>.</summary>
    public static void Export(BackboneModel backbone, ClassifierHead head, ModelMetadata metadata, Stream destination)
    {
        ModelProto model;
        try
        {
            using var source = new FileStream(backbone.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            model = ModelProto.Parser.ParseFrom(source);
        }
        catch (InvalidProtocolBufferException e)
        {
            // Possible when every feature came from the cache, so nothing ran the (since damaged) cached backbone file.
            throw new MentorException($"{backbone.Path}: the backbone file is damaged ({e.Message}); delete it and run again (cached copies are remade).");
        }
        Export(model, backbone, head, metadata, destination);
    }

    /// <summary>Writes the model to <paramref name="destination"/> around <paramref name="model"/>, the backbone graph (changed in place).</summary>
    public static void Export(ModelProto model, BackboneModel backbone, ClassifierHead head, ModelMetadata metadata, Stream destination)
    {
        var graph = model.Graph;
        var featureSize = FeatureSize(graph, backbone.Path);
        if (head.Dimension != featureSize)
            throw new ArgumentException($"the head takes {head.Dimension} features but {backbone.Spec.Name} gives {featureSize}");
        // An int8 backbone is opset 13: the nodes added here must then take that opset's form.
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(8).Max();
        var builder = new GraphBuilder(graph, opset);
        graph.ValueInfo.Clear();
        var input = metadata.Input;

        // The backbone's input becomes an inner value computed from the new RGB 0..255 input.
        graph.Input.Remove(graph.Input.Single(i => i.Name == PreparedGraph.InputName));
        graph.Input.Insert(0, GraphBuilder.BatchTensor(input.Name, 3, input.Size, input.Size));
        PreprocessingNodes.Append(builder, backbone.Spec.Preprocessing, input.Name, PreparedGraph.InputName);

        var features = builder.Node("Flatten", input.FeaturesOutput, [PreparedGraph.OutputName], GraphBuilder.Int("axis", 1));
        head.AppendTo(builder, features, input.ProbabilitiesOutput);

        graph.Output.Clear();
        graph.Output.Add(GraphBuilder.BatchTensor(input.ProbabilitiesOutput, head.ClassCount));
        graph.Output.Add(GraphBuilder.BatchTensor(input.FeaturesOutput, featureSize));
        graph.Name = "mentor_classifier";
        graph.DocString = $"Mentor image classifier: {backbone.Spec.Name} backbone, {head.Kind} head, {head.ClassCount} classes.";

        var graphSha = HashOf(graph);
        model.ProducerName = "Mentor";
        model.ProducerVersion = metadata.MentorVersion;
        model.DocString = "Input 'image': float [N,3,H,W], RGB 0..255, resized and centre-cropped as the 'mentor' metadata says. "
            + "Outputs 'probabilities' [N,classes] (labels in the metadata) and 'features' [N,D].";
        model.MetadataProps.Clear();
        model.MetadataProps.Add(new StringStringEntryProto { Key = ModelMetadata.Key, Value = (metadata with { GraphSha256 = graphSha }).ToJson() });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "labels", Value = string.Join("\n", metadata.Labels) });
        model.WriteTo(destination);
    }

    private static int FeatureSize(GraphProto graph, string path) =>
        graph.Output.FirstOrDefault(o => o.Name == PreparedGraph.OutputName)?.Type?.TensorType?.Shape?.Dim is [_, { DimValue: > 0 and var d }]
            ? (int)d
            : throw new MentorException($"{path}: not a prepared backbone (no [N,D] output '{PreparedGraph.OutputName}'); delete it from the cache and train again.");

    // Hashes the serialised graph as it is written, without holding another copy of the weights.
    private static string HashOf(GraphProto graph)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
            graph.WriteTo(hashing);
        return Convert.ToHexStringLower(sha.Hash!);
    }
}
