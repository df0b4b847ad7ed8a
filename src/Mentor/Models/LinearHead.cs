using Mentor.Models.Export;

namespace Mentor.Models;

/// <summary>A linear softmax head: probabilities = softmax(W t(x) + b), t the feature transform (any standardisation folded into W, b).</summary>
public sealed class LinearHead : ClassifierHead
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <param name="weights">Row-major [classes x dimension]; copied.</param>
    /// <param name="bias">One per class; copied.</param>
    /// <param name="transform">Applied to features before the weights.</param>
    public LinearHead(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, FeatureTransform transform = FeatureTransform.None)
        : base(transform)
    {
        if (bias.Length < 2 || weights.Length == 0 || weights.Length % bias.Length != 0)
            throw new ArgumentException($"weights ({weights.Length}) must be classes x dimension for {bias.Length} classes (at least 2)", nameof(weights));
        _weights = weights.ToArray();
        _bias = bias.ToArray();
    }

    public override string Kind => "logistic";

    public override int ClassCount => _bias.Length;

    public override int Dimension => _weights.Length / _bias.Length;

    public ReadOnlySpan<float> Weights => _weights;

    public ReadOnlySpan<float> Bias => _bias;

    protected override float[] Score(ReadOnlySpan<float> features)
    {
        var logits = new double[ClassCount];
        for (var k = 0; k < logits.Length; k++)
        {
            var row = _weights.AsSpan(k * Dimension, Dimension);
            double sum = _bias[k];
            for (var j = 0; j < row.Length; j++) sum += row[j] * features[j];
            logits[k] = sum;
        }
        var max = logits.Max();
        var total = 0.0;
        for (var k = 0; k < logits.Length; k++) total += logits[k] = Math.Exp(logits[k] - max);
        return logits.Select(l => (float)(l / total)).ToArray();
    }

    internal override void AppendHead(GraphBuilder graph, string features, string probabilities)
    {
        var w = graph.Constant("mentor_head_weights", _weights, ClassCount, Dimension);
        var b = graph.Constant("mentor_head_bias", _bias, ClassCount);
        var logits = graph.Node("Gemm", "logits", [features, w, b], GraphBuilder.Int("transB", 1));
        graph.Node("Softmax", probabilities, [logits], GraphBuilder.Int("axis", 1));
    }
}
