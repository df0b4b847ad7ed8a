using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Folds each BatchNormalization that directly follows a Conv into that Conv's weights and bias:
/// <c>W' = W f</c>, <c>b' = (b - mean) f + beta</c> per output channel, with <c>f = gamma / sqrt(var + eps)</c>.
/// ONNX Runtime fuses integer convolutions only when no BatchNormalization sits between them and their quantiser.
/// </summary>
internal static class BatchNormFolding
{
    /// <summary>Folds in place; returns how many BatchNormalization nodes were removed.</summary>
    public static int Apply(GraphProto graph)
    {
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var folded = 0;
        foreach (var bn in graph.Node.Where(n => n.OpType == "BatchNormalization").ToList())
        {
            var conv = graph.Node.SingleOrDefault(n => n.OpType == "Conv" && n.Output.Count == 1 && n.Output[0] == bn.Input[0]);
            if (conv is null || graph.Node.Count(n => n.Input.Contains(conv.Output[0])) != 1) continue;
            if (graph.Output.Any(o => o.Name == conv.Output[0])) continue;
            if (!bn.Input.Skip(1).All(initializers.ContainsKey) || !initializers.TryGetValue(conv.Input[1], out var weightTensor)) continue;
            if (graph.Node.Count(n => n.Input.Contains(conv.Input[1])) != 1) continue;

            var gamma = Tensors.ReadFloats(initializers[bn.Input[1]]);
            var beta = Tensors.ReadFloats(initializers[bn.Input[2]]);
            var mean = Tensors.ReadFloats(initializers[bn.Input[3]]);
            var variance = Tensors.ReadFloats(initializers[bn.Input[4]]);
            var epsilon = bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
            var weights = Tensors.ReadFloats(weightTensor);
            var channels = gamma.Length;
            var perChannel = weights.Length / channels;
            var bias = conv.Input.Count > 2 && initializers.TryGetValue(conv.Input[2], out var b) ? Tensors.ReadFloats(b) : new float[channels];

            var newBias = new float[channels];
            for (var c = 0; c < channels; c++)
            {
                var factor = gamma[c] / MathF.Sqrt(variance[c] + epsilon);
                for (var i = 0; i < perChannel; i++) weights[c * perChannel + i] *= factor;
                newBias[c] = (bias[c] - mean[c]) * factor + beta[c];
            }
            var weightName = conv.Input[1] + "_bn_folded";
            var biasName = conv.Input[1] + "_bn_folded_bias";
            graph.Initializer.Add(Tensors.Float(weightName, weights, weightTensor.Dims.ToArray()));
            graph.Initializer.Add(Tensors.Float(biasName, newBias, channels));
            conv.Input[1] = weightName;
            if (conv.Input.Count > 2) conv.Input[2] = biasName;
            else conv.Input.Add(biasName);
            conv.Output[0] = bn.Output[0];
            graph.Node.Remove(bn);
            folded++;
        }
        RemoveUnused(graph);
        return folded;
    }

    /// <summary>Drops initializers no node reads any more.</summary>
    public static void RemoveUnused(GraphProto graph)
    {
        var used = graph.Node.SelectMany(n => n.Input).Concat(graph.Output.Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var unused in graph.Initializer.Where(t => !used.Contains(t.Name)).ToList()) graph.Initializer.Remove(unused);
    }
}
