namespace Mentor.Evaluation;

/// <summary>
/// The usual figures of a multi-class classifier on labelled examples. Conventions follow scikit-learn:
/// a ratio with a zero denominator counts as 0; balanced accuracy averages recall over classes present in the truth;
/// macro-F1 averages over classes present in the truth or the predictions; log loss clips probabilities at 1e-15.
/// </summary>
/// <param name="Images">Examples evaluated.</param>
/// <param name="Accuracy">Share of examples whose most probable class is the true one (0..1).</param>
/// <param name="BalancedAccuracy">Recall averaged over the classes present in the truth (0..1); equals accuracy on balanced data.</param>
/// <param name="MacroF1">F1 averaged over the classes present in the truth or the predictions (0..1).</param>
/// <param name="Top5Accuracy">Share of examples whose true class is among the 5 most probable (among all of them with 5 classes or fewer).</param>
/// <param name="LogLoss">Mean cross-entropy of the true class's probability (natural log, probabilities clipped at 1e-15); lower is better.</param>
/// <param name="Labels">Class names; <paramref name="ConfusionMatrix"/> and <paramref name="PerClass"/> follow this order.</param>
/// <param name="PerClass">Precision, recall, F1 and support of each class, in label order.</param>
/// <param name="ConfusionMatrix">Counts indexed [true class][predicted class].</param>
public sealed record ClassificationMetrics(
    int Images,
    double Accuracy,
    double BalancedAccuracy,
    double MacroF1,
    double Top5Accuracy,
    double LogLoss,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ClassMetrics> PerClass,
    int[][] ConfusionMatrix)
{
    /// <summary>Computes the metrics of <paramref name="probabilities"/> (one row per example) against <paramref name="truth"/>.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<int> truth, IReadOnlyList<float[]> probabilities, IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(labels);
        if (truth.Count != probabilities.Count) throw new ArgumentException($"{truth.Count} labels but {probabilities.Count} predictions");
        if (truth.Count == 0) throw new ArgumentException("no examples to evaluate");
        var classes = labels.Count;
        var confusion = Enumerable.Range(0, classes).Select(_ => new int[classes]).ToArray();
        int top5 = 0;
        double logLoss = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var p = probabilities[i];
            if (p.Length != classes) throw new ArgumentException($"prediction {i} has {p.Length} probabilities for {classes} labels");
            var t = truth[i];
            confusion[t][ArgMax(p)]++;
            var higher = p.Count(v => v > p[t]);
            if (higher < Math.Min(5, classes)) top5++;
            logLoss -= Math.Log(Math.Clamp(p[t], 1e-15, 1.0));
        }

        var perClass = new List<ClassMetrics>(classes);
        var recalls = new List<double>();
        var f1s = new List<double>();
        for (var c = 0; c < classes; c++)
        {
            var tp = confusion[c][c];
            var support = confusion[c].Sum();
            var predicted = confusion.Sum(row => row[c]);
            var precision = Ratio(tp, predicted);
            var recall = Ratio(tp, support);
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            perClass.Add(new ClassMetrics(labels[c], precision, recall, f1, support));
            if (support > 0) recalls.Add(recall);
            if (support > 0 || predicted > 0) f1s.Add(f1);
        }

        var correct = Enumerable.Range(0, classes).Sum(c => confusion[c][c]);
        return new ClassificationMetrics(
            truth.Count,
            (double)correct / truth.Count,
            recalls.Average(),
            f1s.Average(),
            (double)top5 / truth.Count,
            logLoss / truth.Count,
            labels,
            perClass,
            confusion);
    }

    /// <summary>The most probable class (lowest index among ties).</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
