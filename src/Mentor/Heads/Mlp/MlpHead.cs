using Mentor.Models;
using Mentor.Models.Export;

namespace Mentor.Heads.Mlp;

/// <summary>
/// A one-hidden-layer perceptron head: probabilities = softmax(W2 relu(W1 t(x) + b1) + b2), t the feature transform
/// (any standardisation folded into W1, b1; dropout is a training-time device and leaves no trace here).
/// </summary>
public sealed class MlpHead : ClassifierHead
{
    /// <summary>The registered name of this kind.</summary>
    public const string Name = "mlp";

    private const string HiddenWeightsConstant = "mentor_mlp_hidden_weights";
    private const string HiddenBiasConstant = "mentor_mlp_hidden_bias";
    private const string OutputWeightsConstant = "mentor_mlp_output_weights";
    private const string OutputBiasConstant = "mentor_mlp_output_bias";

    private readonly float[] _hiddenWeights;
    private readonly float[] _hiddenBias;
    private readonly float[] _outputWeights;
    private readonly float[] _outputBias;

    /// <summary>A one-hidden-layer head from its two layers' weights and biases, as a model file holds them.</summary>
    /// <param name="hiddenWeights">Row-major [hidden x dimension]; copied.</param>
    /// <param name="hiddenBias">One per hidden unit; copied.</param>
    /// <param name="outputWeights">Row-major [classes x hidden]; copied.</param>
    /// <param name="outputBias">One per class; copied.</param>
    /// <param name="transform">Applied to features before the first layer.</param>
    public MlpHead(ReadOnlySpan<float> hiddenWeights, ReadOnlySpan<float> hiddenBias, ReadOnlySpan<float> outputWeights, ReadOnlySpan<float> outputBias,
        FeatureTransform transform = FeatureTransform.None)
        : base(transform)
    {
        if (hiddenBias.Length == 0 || hiddenWeights.Length == 0 || hiddenWeights.Length % hiddenBias.Length != 0)
            throw new ArgumentException($"hidden weights ({hiddenWeights.Length}) must be hidden x dimension for {hiddenBias.Length} hidden units", nameof(hiddenWeights));
        if (outputBias.Length < 2 || outputWeights.Length != outputBias.Length * hiddenBias.Length)
            throw new ArgumentException($"output weights ({outputWeights.Length}) must be classes x hidden for {outputBias.Length} classes (at least 2) and {hiddenBias.Length} hidden units", nameof(outputWeights));
        _hiddenWeights = hiddenWeights.ToArray();
        _hiddenBias = hiddenBias.ToArray();
        _outputWeights = outputWeights.ToArray();
        _outputBias = outputBias.ToArray();
    }

    /// <summary>Reads the head back from the constants <see cref="AppendHead"/> wrote.</summary>
    internal static HeadFormat Format { get; } = new(Name, graph => new MlpHead(
        graph.Floats(HiddenWeightsConstant).Values, graph.Floats(HiddenBiasConstant).Values,
        graph.Floats(OutputWeightsConstant).Values, graph.Floats(OutputBiasConstant).Values, graph.Transform));

    /// <inheritdoc/>
    public override string Kind => Name;

    /// <inheritdoc/>
    public override int ClassCount => _outputBias.Length;

    /// <inheritdoc/>
    public override int Dimension => _hiddenWeights.Length / _hiddenBias.Length;

    /// <summary>Hidden units.</summary>
    public int Hidden => _hiddenBias.Length;

    /// <inheritdoc/>
    protected override float[] Score(ReadOnlySpan<float> features)
    {
        var hidden = Dense.Apply(_hiddenWeights, _hiddenBias, features).Select(h => (float)Math.Max(0, h)).ToArray();
        return Softmax.Of(Dense.Apply(_outputWeights, _outputBias, hidden));
    }

    internal override void AppendHead(GraphBuilder graph, string features, string probabilities)
    {
        var w1 = graph.Constant(HiddenWeightsConstant, _hiddenWeights, Hidden, Dimension);
        var b1 = graph.Constant(HiddenBiasConstant, _hiddenBias, Hidden);
        var w2 = graph.Constant(OutputWeightsConstant, _outputWeights, ClassCount, Hidden);
        var b2 = graph.Constant(OutputBiasConstant, _outputBias, ClassCount);
        var hidden = graph.Node("Gemm", "mlp_hidden", [features, w1, b1], GraphBuilder.Int("transB", 1));
        var active = graph.Node("Relu", "mlp_hidden_relu", [hidden]);
        var logits = graph.Node("Gemm", "logits", [active, w2, b2], GraphBuilder.Int("transB", 1));
        graph.Node("Softmax", probabilities, [logits], GraphBuilder.Int("axis", 1));
    }
}
