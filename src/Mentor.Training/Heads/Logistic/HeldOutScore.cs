namespace Mentor.Training.Heads.Logistic;

/// <summary>Weighted accuracy and log-loss of held-out rows, accumulated per group (fold) and averaged over groups.</summary>
internal sealed class HeldOutScore
{
    private readonly double[] _correct;
    private readonly double[] _loss;
    private readonly double[] _weight;
    private readonly double[] _squaredWeight;

    public HeldOutScore(int groups)
    {
        _correct = new double[groups];
        _loss = new double[groups];
        _weight = new double[groups];
        _squaredWeight = new double[groups];
    }

    /// <summary>Adds one row given its log-probabilities.</summary>
    public void Add(int group, ReadOnlySpan<float> logProbabilities, int label, double rowWeight)
    {
        int predicted = 0;
        for (int k = 1; k < logProbabilities.Length; k++) if (logProbabilities[k] > logProbabilities[predicted]) predicted = k;
        if (predicted == label) _correct[group] += rowWeight;
        _loss[group] -= rowWeight * logProbabilities[label];
        _weight[group] += rowWeight;
        _squaredWeight[group] += rowWeight * rowWeight;
    }

    /// <summary>Adds one row given its logits (turned into log-probabilities here).</summary>
    public void AddLogits(int group, Span<float> logits, int label, double rowWeight)
    {
        float max = float.NegativeInfinity;
        foreach (float v in logits) max = Math.Max(max, v);
        double total = 0;
        foreach (float v in logits) total += Math.Exp(v - max);
        float logTotal = (float)(max + Math.Log(total));
        for (int k = 0; k < logits.Length; k++) logits[k] -= logTotal;
        Add(group, logits, label, rowWeight);
    }

    /// <summary>
    /// Mean over the groups that have rows of their accuracy and log-loss, and the accuracy's standard error:
    /// the spread of the group accuracies / sqrt(groups), or binomial (effective row count) for one group.
    /// </summary>
    public (double Accuracy, double AccuracyError, double LogLoss) Mean()
    {
        var accuracies = new List<double>();
        double logLoss = 0;
        for (int g = 0; g < _weight.Length; g++)
        {
            if (_weight[g] <= 0) continue;
            accuracies.Add(_correct[g] / _weight[g]);
            logLoss += _loss[g] / _weight[g];
        }
        double accuracy = accuracies.Average();
        double error;
        if (accuracies.Count > 1)
        {
            double variance = accuracies.Sum(a => (a - accuracy) * (a - accuracy)) / (accuracies.Count - 1);
            error = Math.Sqrt(variance / accuracies.Count);
        }
        else
        {
            int g = Array.FindIndex(_weight, w => w > 0);
            double effectiveRows = _weight[g] * _weight[g] / _squaredWeight[g];
            error = Math.Sqrt(accuracy * (1 - accuracy) / effectiveRows);
        }
        return (accuracy, error, logLoss / accuracies.Count);
    }
}
