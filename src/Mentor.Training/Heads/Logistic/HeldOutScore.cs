namespace Mentor.Training.Heads.Logistic;

/// <summary>Weighted accuracy and log-loss of held-out rows, accumulated per group (fold) and averaged over groups.</summary>
internal sealed class HeldOutScore
{
    readonly double[] correct;
    readonly double[] loss;
    readonly double[] weight;
    readonly double[] squaredWeight;

    public HeldOutScore(int groups)
    {
        correct = new double[groups];
        loss = new double[groups];
        weight = new double[groups];
        squaredWeight = new double[groups];
    }

    /// <summary>Adds one row given its log-probabilities.</summary>
    public void Add(int group, ReadOnlySpan<float> logProbabilities, int label, double rowWeight)
    {
        int predicted = 0;
        for (int k = 1; k < logProbabilities.Length; k++) if (logProbabilities[k] > logProbabilities[predicted]) predicted = k;
        if (predicted == label) correct[group] += rowWeight;
        loss[group] -= rowWeight * logProbabilities[label];
        weight[group] += rowWeight;
        squaredWeight[group] += rowWeight * rowWeight;
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
        for (int g = 0; g < weight.Length; g++)
        {
            if (weight[g] <= 0) continue;
            accuracies.Add(correct[g] / weight[g]);
            logLoss += loss[g] / weight[g];
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
            int g = Array.FindIndex(weight, w => w > 0);
            double effectiveRows = weight[g] * weight[g] / squaredWeight[g];
            error = Math.Sqrt(accuracy * (1 - accuracy) / effectiveRows);
        }
        return (accuracy, error, logLoss / accuracies.Count);
    }
}
