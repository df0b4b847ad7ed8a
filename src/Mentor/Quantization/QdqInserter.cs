using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Rewrites an fp32 graph (opset 13, BatchNormalization folded) into QDQ form: one QuantizeLinear after each planned
/// activation and one DequantizeLinear per consumer; Conv weights as int8 per output channel (symmetric) behind a
/// per-axis DequantizeLinear, biases as int32 with scale = input scale x weight scale behind their own.
/// ONNX Runtime then fuses each DequantizeLinear -> Conv -> QuantizeLinear into one QLinearConv.
/// </summary>
internal static class QdqInserter
{
    /// <summary>Rewrites <paramref name="graph"/> in place.</summary>
    public static void Apply(GraphProto graph, QdqPlan plan, IReadOnlyDictionary<string, ActivationRange> ranges)
    {
        var parameters = new Dictionary<string, QuantizationParameters>(StringComparer.Ordinal);
        foreach (var tensor in plan.Tensors) parameters[tensor] = ParametersFor(tensor, plan, ranges, parameters);
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var dequantized = new Dictionary<string, int>(StringComparer.Ordinal);
        var nodes = new List<NodeProto>();

        void Quantize(string tensor)
        {
            var p = parameters[tensor];
            graph.Initializer.Add(Tensors.Float(tensor + "_scale", [p.Scale]));
            graph.Initializer.Add(Tensors.UInt8(tensor + "_zero_point", [p.ZeroPoint]));
            nodes.Add(Tensors.Node("QuantizeLinear", tensor + "_QuantizeLinear", [tensor, tensor + "_scale", tensor + "_zero_point"], [tensor + "_quantized"]));
        }

        foreach (var input in graph.Input.Where(i => plan.Contains(i.Name))) Quantize(input.Name);
        foreach (var node in graph.Node.ToList())
        {
            var originalInput = node.Input.Count > 0 ? node.Input[0] : "";
            for (var i = 0; i < node.Input.Count; i++)
            {
                var tensor = node.Input[i];
                if (!plan.Contains(tensor)) continue;
                var k = dequantized[tensor] = dequantized.GetValueOrDefault(tensor) + 1;
                var output = $"{tensor}_dequantized_{k}";
                nodes.Add(Tensors.Node("DequantizeLinear", output + "_DequantizeLinear", [tensor + "_quantized", tensor + "_scale", tensor + "_zero_point"], [output]));
                node.Input[i] = output;
            }
            if (node.OpType == "Conv" && parameters.TryGetValue(originalInput, out var input) && initializers.TryGetValue(node.Input[1], out var weights))
                QuantizeWeights(graph, node, weights, node.Input.Count > 2 ? initializers.GetValueOrDefault(node.Input[2]) : null, input.Scale, nodes);
            nodes.Add(node);
            foreach (var output in node.Output.Where(plan.Contains)) Quantize(output);
        }
        graph.Node.Clear();
        graph.Node.AddRange(nodes);
        BatchNormFolding.RemoveUnused(graph);
    }

    private static QuantizationParameters ParametersFor(string tensor, QdqPlan plan, IReadOnlyDictionary<string, ActivationRange> ranges,
        Dictionary<string, QuantizationParameters> known)
    {
        var (rule, source) = plan[tensor];
        if (rule == RangeRule.SameAsInput) return known[source!];
        if (!ranges.TryGetValue(tensor, out var range)) throw new InvalidOperationException($"no calibrated range for '{tensor}'");
        return QuantizationParameters.ForUInt8(rule == RangeRule.ReluOutput ? new ActivationRange(0f, range.Max) : range);
    }

    private static void QuantizeWeights(GraphProto graph, NodeProto conv, TensorProto weights, TensorProto? bias, float inputScale, List<NodeProto> nodes)
    {
        var channels = (int)weights.Dims[0];
        var (values, scales) = QuantizationParameters.WeightsPerChannel(Tensors.ReadFloats(weights), channels);
        var name = weights.Name;
        graph.Initializer.Add(Tensors.Int8(name + "_quantized", values, weights.Dims.ToArray()));
        graph.Initializer.Add(Tensors.Float(name + "_scale", scales, channels));
        graph.Initializer.Add(Tensors.Int8(name + "_zero_point", new sbyte[channels], channels));
        nodes.Add(Tensors.Node("DequantizeLinear", name + "_DequantizeLinear", [name + "_quantized", name + "_scale", name + "_zero_point"], [name + "_dequantized"],
            Tensors.IntAttribute("axis", 0)));
        conv.Input[1] = name + "_dequantized";
        if (bias is null) return;

        var (biasValues, biasScales) = QuantizationParameters.Bias(Tensors.ReadFloats(bias), inputScale, scales);
        var biasName = bias.Name;
        graph.Initializer.Add(Tensors.Int32(biasName + "_quantized", biasValues, channels));
        graph.Initializer.Add(Tensors.Float(biasName + "_scale", biasScales, channels));
        graph.Initializer.Add(Tensors.Int32(biasName + "_zero_point", new int[channels], channels));
        nodes.Add(Tensors.Node("DequantizeLinear", biasName + "_DequantizeLinear", [biasName + "_quantized", biasName + "_scale", biasName + "_zero_point"], [biasName + "_dequantized"],
            Tensors.IntAttribute("axis", 0)));
        conv.Input[2] = biasName + "_dequantized";
    }
}
