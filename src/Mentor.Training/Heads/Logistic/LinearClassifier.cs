namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// A trained linear (softmax) classifier over raw backbone features: logits = W x + b, probabilities =
/// softmax(logits). Any standardisation used in training is already folded into W and b. Immutable and
/// plain .NET (no libtorch), so the inference path can use and store it as it is.
/// </summary>
public sealed class LinearClassifier
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>A fitted logistic-regression classifier from its weights (applying to raw features) and its search.</summary>
    /// <param name="weights">Row-major [classCount x dimension]; copied.</param>
    /// <param name="bias">One per class; copied.</param>
    /// <param name="c">The inverse L2 strength used (scikit-learn's C).</param>
    /// <param name="l2Strength">The same penalty per training row: 1 / (C x total row weight).</param>
    /// <param name="scores">The regularisation search, one entry per candidate (empty when C was fixed).</param>
    public LinearClassifier(float[] weights, float[] bias, double c, double l2Strength, IReadOnlyList<RegularizationScore> scores)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(scores);
        if (bias.Length < 2 || weights.Length == 0 || weights.Length % bias.Length != 0)
        {
            throw new ArgumentException($"Weights ({weights.Length}) must be classes x dimension for {bias.Length} classes (at least 2).", nameof(weights));
        }
        _weights = (float[])weights.Clone();
        _bias = (float[])bias.Clone();
        C = c;
        L2Strength = l2Strength;
        Scores = scores.ToArray();
    }

    /// <summary>Number of classes: the length of every probability vector returned.</summary>
    public int ClassCount => _bias.Length;

    /// <summary>Length of the feature vectors this classifier takes.</summary>
    public int Dimension => _weights.Length / _bias.Length;

    /// <summary>Row-major [ClassCount x Dimension], applying to raw features.</summary>
    public ReadOnlyMemory<float> Weights => _weights;

    /// <summary>One bias per class, applying with <see cref="Weights"/> to raw features.</summary>
    public ReadOnlyMemory<float> Bias => _bias;

    /// <summary>Inverse L2 strength chosen or given (scikit-learn's C).</summary>
    public double C { get; }

    /// <summary>The chosen penalty per training row, 1 / (C x total row weight): loss = mean CE + L2Strength/2 ||W||^2.</summary>
    public double L2Strength { get; }

    /// <summary>Held-out scores of every candidate C, in ascending C (empty when C was fixed).</summary>
    public IReadOnlyList<RegularizationScore> Scores { get; }

    /// <summary>The weights of one class.</summary>
    public ReadOnlySpan<float> WeightsOf(int classIndex) => _weights.AsSpan(classIndex * Dimension, Dimension);

    /// <summary>W x + b.</summary>
    public float[] Logits(ReadOnlySpan<float> features)
    {
        if (features.Length != Dimension)
        {
            throw new ArgumentException($"This classifier takes {Dimension} features but got {features.Length}; use the backbone it was trained on.", nameof(features));
        }
        var logits = new float[ClassCount];
        for (int k = 0; k < logits.Length; k++)
        {
            double sum = _bias[k];
            ReadOnlySpan<float> row = WeightsOf(k);
            for (int j = 0; j < row.Length; j++) sum += row[j] * features[j];
            logits[k] = (float)sum;
        }
        return logits;
    }

    /// <summary>Class probabilities (softmax of the logits), summing to 1.</summary>
    public float[] PredictProbabilities(ReadOnlySpan<float> features)
    {
        float[] logits = Logits(features);
        float max = logits.Max();
        double total = 0;
        var exp = new double[logits.Length];
        for (int k = 0; k < logits.Length; k++) total += exp[k] = Math.Exp(logits[k] - max);
        for (int k = 0; k < logits.Length; k++) logits[k] = (float)(exp[k] / total);
        return logits;
    }

    /// <summary>The most probable class (the lowest index among exact ties).</summary>
    public int Predict(ReadOnlySpan<float> features)
    {
        float[] logits = Logits(features);
        int best = 0;
        for (int k = 1; k < logits.Length; k++) if (logits[k] > logits[best]) best = k;
        return best;
    }
}
