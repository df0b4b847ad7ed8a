using Mentor.Heads;
using System.Security.Cryptography;
using Google.Protobuf;
using Mentor.Backbones;
using Onnx;

namespace Mentor.Models.Export;

/// <summary>
/// Writes one self-contained ONNX file: input preprocessing (RGB 0..255 to the backbone's input), the backbone,
/// the head and its softmax, with <see cref="ModelMetadata"/> under the metadata key <c>mentor</c>.
/// Outputs: <c>probabilities</c> [N, classes] and <c>features</c> [N, D]. Any stock ONNX Runtime runs it.
/// The backbone is read from <see cref="BackboneSpec.ModelPath"/>: the fp32 network (opset 8), or an int8 one (opset 13).
/// </summary>
internal static class ClassifierExporter
{
    /// <summary>Writes the model to <paramref name="destination"/>.</summary>
    public static void Export(BackboneSpec backbone, ClassifierHead head, ModelMetadata metadata, Stream destination)
    {
        ModelProto model;
        using (var source = new FileStream(backbone.ModelPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20))
            model = ModelProto.Parser.ParseFrom(source);
        var graph = model.Graph;
        // An int8 backbone is opset 13: the nodes added here must then take that opset's form.
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(8).Max();
        var builder = new GraphBuilder(graph, opset);
        graph.ValueInfo.Clear();
        var input = metadata.Input;

        // The backbone's input becomes an inner value computed from the new RGB 0..255 input.
        var backboneInput = graph.Input.Single(i => i.Name == backbone.InputName);
        graph.Input.Remove(backboneInput);
        graph.Input.Insert(0, GraphBuilder.BatchTensor(input.Name, 3, input.Size, input.Size));
        AppendPreprocessing(builder, backbone.Preprocessing, input.Name, backbone.InputName);

        var features = builder.Node("Flatten", input.FeaturesOutput, [backbone.OutputName], GraphBuilder.Int("axis", 1));
        head.AppendTo(builder, features, input.ProbabilitiesOutput);

        graph.Output.Clear();
        graph.Output.Add(GraphBuilder.BatchTensor(input.ProbabilitiesOutput, head.ClassCount));
        graph.Output.Add(GraphBuilder.BatchTensor(input.FeaturesOutput, backbone.FeatureSize));
        graph.Name = "mentor_classifier";
        graph.DocString = $"Mentor image classifier: {backbone.Name} backbone, {head.Kind} head, {head.ClassCount} classes.";

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

    // Hashes the serialised graph as it is written, without holding another copy of the weights.
    private static string HashOf(GraphProto graph)
    {
        using var sha = SHA256.Create();
        using (var hashing = new CryptoStream(Stream.Null, sha, CryptoStreamMode.Write))
            graph.WriteTo(hashing);
        return Convert.ToHexStringLower(sha.Hash!);
    }

    // RGB 0..255 -> the backbone's own input: channel order, scale, mean (per channel or image), std.
    private static void AppendPreprocessing(GraphBuilder builder, PreprocessingSpec spec, string image, string output)
    {
        var steps = new List<Func<string, string, string>>();
        if (spec.ChannelOrder == ChannelOrder.Bgr)
            steps.Add((x, o) => builder.Node("Gather", o, [x, builder.Constant("mentor_bgr_order", new long[] { 2, 1, 0 }, 3)], GraphBuilder.Int("axis", 1)));
        if (spec.PixelScale != 1f)
            steps.Add((x, o) => builder.Node("Mul", o, [x, builder.Constant("mentor_pixel_scale", new[] { spec.PixelScale })]));
        var mean = spec.Mean;
        steps.Add((x, o) => builder.Node("Sub", o, [x, mean.Length == 3
            ? builder.Constant("mentor_mean", mean, 1, 3, 1, 1)
            : builder.Constant("mentor_mean_image", mean, 1, 3, spec.InputSize, spec.InputSize)]));
        if (spec.Std is { } std)
            steps.Add((x, o) => builder.Node("Div", o, [x, builder.Constant("mentor_std", std, 1, 3, 1, 1)]));

        var current = image;
        for (var i = 0; i < steps.Count; i++)
            current = steps[i](current, i == steps.Count - 1 ? output : $"mentor_preprocess_{i}");
    }
}
