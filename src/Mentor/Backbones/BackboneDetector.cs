using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Works out a spec from an ONNX file alone. The input, its layout and size come from the graph; the feature is the
/// pre-logits value (the input of a final classifier: a Gemm or MatMul reading a global pool or a flatten), else the
/// graph output, pooled by its rank. The graph does not say how pixels were normalised: ImageNet mean/std on RGB 0..1
/// (torchvision's convention) is assumed, and said so. A Mentor model file gives its <c>features</c> output.
/// </summary>
public static class BackboneDetector
{
    private static readonly HashSet<string> Poolings = new(StringComparer.Ordinal)
    {
        "Flatten", "Reshape", "GlobalAveragePool", "GlobalMaxPool", "ReduceMean", "Squeeze", "AveragePool",
    };

    /// <summary>Detects the spec of the ONNX file at <paramref name="path"/>; the optional arguments override what the graph would say.</summary>
    /// <exception cref="MentorException">Not an ONNX model, or its image input cannot be told.</exception>
    public static ResolvedBackbone Detect(string path, string? input = null, TensorLayout? layout = null, int? size = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        var model = PreparedGraph.Parse(full);
        if (model.MetadataProps.FirstOrDefault(p => p.Key == Models.ModelMetadata.Key) is { } mentor)
            return MentorModelBackbone.Resolve(full, mentor.Value);
        var graph = model.Graph;
        var findings = new List<string>();
        var image = ImageInput(graph, full, input);
        var dims = image.Type.TensorType.Shape.Dim;
        var fixedBatch = dims[0].HasDimValue;
        var detectedLayout = layout ?? (dims[1].DimValue == 3 ? TensorLayout.Nchw : dims[3].DimValue == 3 ? TensorLayout.Nhwc
            : throw new BackboneSpecException(full, "layout", $"input '{image.Name}' [{Shape(dims)}] has no axis of 3 channels at 1 or 3"));
        var (h, w) = detectedLayout == TensorLayout.Nchw ? (dims[2], dims[3]) : (dims[1], dims[2]);
        var detectedSize = size ?? (h.HasDimValue && h.DimValue == w.DimValue ? (int)h.DimValue
            : throw new BackboneSpecException(full, "input_size", $"input '{image.Name}' [{Shape(dims)}] has no fixed square size"));
        findings.Add($"input '{image.Name}' [{Shape(dims)}]: layout {detectedLayout.ToString().ToUpperInvariant()}, {detectedSize}x{detectedSize}, {(fixedBatch ? "fixed batch (made symbolic)" : "dynamic batch")}");
        var (feature, why) = Feature(graph);
        findings.Add($"feature '{feature}': {why}; pooled by its rank (4-D: average over space, 3-D tokens: the CLS token)");
        const string assumption = "the graph does not say how pixels were normalised: assumed ImageNet mean/std on RGB 0..1, bilinear, short side to the input size and centre crop; write a spec (mentor backbones inspect -o) if it expects otherwise";
        var preprocessing = new PreprocessingSpec(detectedSize, detectedLayout, ChannelOrder.Rgb, 1f / 255, 0f, () => ImageNetStatistics.Mean, ImageNetStatistics.Std,
            Imaging.ResizeRule.CenterCrop);
        var name = new string(Path.GetFileNameWithoutExtension(full).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-').ToArray());
        var spec = new BackboneSpec(name, $"{Path.GetFileName(full)} (detected)", full, image.Name, preprocessing, feature, FeaturePool.Auto, fixedBatch,
            "user-supplied ONNX file");
        return new ResolvedBackbone(spec, findings, [assumption]);
    }

    // The one float input of rank 4 that is not a weight.
    private static ValueInfoProto ImageInput(GraphProto graph, string path, string? name)
    {
        var weights = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var candidates = graph.Input.Where(i => !weights.Contains(i.Name) && i.Type?.TensorType?.Shape?.Dim.Count == 4).ToList();
        if (name is not null)
            return graph.Input.FirstOrDefault(i => i.Name == name) is { } given && given.Type?.TensorType?.Shape?.Dim.Count == 4 ? given
                : throw new BackboneSpecException(path, "input", $"the graph has no 4-D input '{name}' (inputs: {string.Join(", ", graph.Input.Where(i => !weights.Contains(i.Name)).Select(i => i.Name))})");
        return candidates.Count == 1 ? candidates[0]
            : throw new BackboneSpecException(path, "input", $"found {candidates.Count} 4-D inputs ({string.Join(", ", candidates.Select(c => c.Name))}); name the image input");
    }

    private static (string Feature, string Why) Feature(GraphProto graph)
    {
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
            foreach (var output in node.Output) producers[output] = node;
        var weights = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var output0 = graph.Output[0].Name;
        var node0 = producers.GetValueOrDefault(output0);
        // Step back over a softmax and the bias Add of a MatMul classifier.
        while (node0 is { OpType: "Softmax" or "Identity" or "LogSoftmax" } && producers.TryGetValue(node0.Input[0], out var before)) node0 = before;
        if (node0 is { OpType: "Add" } && node0.Input.Count(weights.Contains) == 1 && producers.TryGetValue(node0.Input.First(i => !weights.Contains(i)), out var matMul))
            node0 = matMul;
        if (node0 is { OpType: "Gemm" or "MatMul" } && node0.Input.Count >= 2 && weights.Contains(node0.Input[1])
            && producers.TryGetValue(node0.Input[0], out var pool) && Poolings.Contains(pool.OpType))
            return (node0.Input[0], $"the input of the final classifier ({node0.OpType} after {pool.OpType}) feeding output '{output0}'");
        return (output0, "the graph output (no final classifier found)");
    }

    private static string Shape(IEnumerable<TensorShapeProto.Types.Dimension> dims) =>
        string.Join(",", dims.Select(d => d.HasDimValue ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.DimParam is { Length: > 0 } p ? p : "?"));
}
