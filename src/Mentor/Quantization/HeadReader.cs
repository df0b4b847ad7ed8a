using Mentor.Models;
using Onnx;

namespace Mentor.Quantization;

/// <summary>Recovers the trained head of a Mentor model file from its graph (the constants its exporter wrote).</summary>
internal static class HeadReader
{
    /// <summary>The head in <paramref name="model"/>; <see cref="ModelFileException"/> if it is not one Mentor wrote.</summary>
    public static ClassifierHead Read(ModelProto model, string path)
    {
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var transform = graph.Node.Any(n => n.OpType == "Sqrt" && n.Output.Contains("head_sqrt_features")) ? FeatureTransform.Sqrt : FeatureTransform.None;
        if (initializers.TryGetValue("mentor_head_weights", out var weights) && initializers.TryGetValue("mentor_head_bias", out var bias))
            return new LinearHead(Tensors.ReadFloats(weights), Tensors.ReadFloats(bias), transform);
        if (initializers.TryGetValue("mentor_knn_features_t", out var stored) && initializers.TryGetValue("mentor_knn_labels_onehot", out var oneHot))
        {
            var (dimension, rows) = ((int)stored.Dims[0], (int)stored.Dims[1]);
            var classes = (int)oneHot.Dims[1];
            var transposed = Tensors.ReadFloats(stored);
            var features = new float[transposed.Length];
            for (var d = 0; d < dimension; d++)
            for (var r = 0; r < rows; r++)
                features[r * dimension + d] = transposed[d * rows + r];
            var votes = Tensors.ReadFloats(oneHot);
            var labels = Enumerable.Range(0, rows).Select(r => Array.IndexOf(votes, 1f, r * classes, classes) - r * classes).ToArray();
            return new KnnHead(features, labels, classes, (int)ReadK(graph, initializers, path), transform);
        }
        throw new ModelFileException(path, "its head is not one Mentor writes (no linear or k-NN constants); train the model again with 'mentor train'.");
    }

    private static long ReadK(GraphProto graph, Dictionary<string, TensorProto> initializers, string path)
    {
        var topK = graph.Node.FirstOrDefault(n => n.OpType == "TopK")
            ?? throw new ModelFileException(path, "its k-NN head has no TopK node; train the model again with 'mentor train'.");
        if (topK.Attribute.FirstOrDefault(a => a.Name == "k") is { } attribute) return attribute.I;
        if (topK.Input.Count > 1 && initializers.TryGetValue(topK.Input[1], out var k))
            return k.Int64Data.Count > 0 ? k.Int64Data[0] : BitConverter.ToInt64(k.RawData.Span);
        throw new ModelFileException(path, "its k-NN head's k is unreadable; train the model again with 'mentor train'.");
    }
}
