using Mentor.Models;
using Mentor.Models.Export;

namespace Mentor.Heads.Logistic;

/// <summary>A linear softmax head: probabilities = softmax(W t(x) + b), t the feature transform (any standardisation folded into W, b).</summary>
public sealed class LinearHead : ClassifierHead
{
    /// <summary>The registered name of this kind.</summary>
    public const string Name = "logistic";

    private const string WeightsConstant = "mentor_head_weights";
    private const string BiasConstant = "mentor_head_bias";

    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>A linear softmax head from its weights and bias, as a model file holds them.</summary>
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

    /// <summary>Reads the head back from the constants <see cref="AppendHead"/> wrote.</summary>
    internal static HeadFormat Format { get; } = new(Name, graph => new LinearHead(graph.Floats(WeightsConstant).Values, graph.Floats(BiasConstant).Values, graph.Transform));

    /// <inheritdoc/>
    public override string Kind => Name;

    /// <inheritdoc/>
    public override int ClassCount => _bias.Length;

    /// <inheritdoc/>
    public override int Dimension => _weights.Length / _bias.Length;

    /// <summary>The weights W, row-major [<see cref="ClassCount"/> x <see cref="Dimension"/>], applied to transformed features.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>The bias b, one per class.</summary>
    public ReadOnlySpan<float> Bias => _bias;

    /// <inheritdoc/>
    protected override float[] Score(ReadOnlySpan<float> features) => Softmax.Of(Dense.Apply(_weights, _bias, features));

    internal override void AppendHead(GraphBuilder graph, string features, string probabilities)
    {
        var w = graph.Constant(WeightsConstant, _weights, ClassCount, Dimension);
        var b = graph.Constant(BiasConstant, _bias, ClassCount);
        var logits = graph.Node("Gemm", "logits", [features, w, b], GraphBuilder.Int("transB", 1));
        graph.Node("Softmax", probabilities, [logits], GraphBuilder.Int("axis", 1));
    }
}
