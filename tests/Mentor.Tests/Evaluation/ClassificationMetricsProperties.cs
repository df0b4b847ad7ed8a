using CsCheck;
using Mentor.Evaluation;

namespace Mentor.Tests.Evaluation;

/// <summary>Bounds and invariances of <see cref="ClassificationMetrics"/> over random labelled predictions (2-6 classes, 1-60 examples).</summary>
public sealed class ClassificationMetricsProperties
{
    /// <summary>Truth and probability rows without ties (distinct scores per row), so the predicted class is unambiguous.</summary>
    private static readonly Gen<(int[] Truth, float[][] Probabilities, string[] Labels)> Cases =
        Gen.Int[2, 6].SelectMany(classes => Gen.Int[1, 60].SelectMany(n => Gen.Select(
            Gen.Int[0, classes - 1].Array[n, n],
            Gen.Int[0, 1000].Array[classes, classes].Array[n, n],
            (truth, scores) => (truth, scores.Select(Row).ToArray(), Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray()))));

    [Fact]
    public void Every_rate_lies_in_0_to_1_top5_is_at_least_accuracy_and_log_loss_is_not_negative()
    {
        Cases.Sample(c =>
        {
            var m = ClassificationMetrics.Compute(c.Truth, c.Probabilities, c.Labels);
            foreach (var rate in new[] { m.Accuracy, m.BalancedAccuracy, m.MacroF1, m.Top5Accuracy })
                Assert.InRange(rate, 0, 1);
            Assert.True(m.Top5Accuracy >= m.Accuracy);
            Assert.True(m.LogLoss >= 0);
            Assert.Equal(c.Truth.Length, m.ConfusionMatrix.Sum(row => row.Sum()));
        });
    }

    [Fact]
    public void Reordering_examples_renaming_classes_or_repeating_the_set_changes_no_figure()
    {
        Cases.SelectMany(c => Gen.Shuffle(Enumerable.Range(0, c.Truth.Length).ToArray()).SelectMany(order =>
            Gen.Shuffle(Enumerable.Range(0, c.Labels.Length).ToArray()).Select(rename => (c, order, rename)))).Sample(x =>
        {
            var (c, order, rename) = x;
            var m = ClassificationMetrics.Compute(c.Truth, c.Probabilities, c.Labels);

            var reordered = ClassificationMetrics.Compute(order.Select(i => c.Truth[i]).ToArray(), order.Select(i => c.Probabilities[i]).ToArray(), c.Labels);
            AssertSameFigures(m, reordered);

            // Class c becomes class rename[c]: truth, probability columns and labels move together.
            var renamedProbabilities = c.Probabilities.Select(p =>
            {
                var moved = new float[p.Length];
                for (var k = 0; k < p.Length; k++) moved[rename[k]] = p[k];
                return moved;
            }).ToArray();
            var renamedLabels = new string[c.Labels.Length];
            for (var k = 0; k < c.Labels.Length; k++) renamedLabels[rename[k]] = c.Labels[k];
            AssertSameFigures(m, ClassificationMetrics.Compute(c.Truth.Select(t => rename[t]).ToArray(), renamedProbabilities, renamedLabels));

            AssertSameFigures(m, ClassificationMetrics.Compute([.. c.Truth, .. c.Truth], [.. c.Probabilities, .. c.Probabilities], c.Labels));
        });
    }

    [Fact]
    public void Perfect_predictions_score_1_and_on_balanced_classes_balanced_accuracy_equals_accuracy()
    {
        Cases.Sample(c =>
        {
            var perfect = ClassificationMetrics.Compute(c.Truth, c.Truth.Select(t => OneHot(t, c.Labels.Length)).ToArray(), c.Labels);
            Assert.Equal((1.0, 1.0, 1.0), (perfect.Accuracy, perfect.BalancedAccuracy, perfect.MacroF1));

            // Every class once per block: equal supports.
            var classes = c.Labels.Length;
            var truth = Enumerable.Range(0, c.Truth.Length * classes).Select(i => i % classes).ToArray();
            var probabilities = truth.Select((_, i) => c.Probabilities[i / classes]).ToArray();
            var balanced = ClassificationMetrics.Compute(truth, probabilities, c.Labels);
            Assert.Equal(balanced.Accuracy, balanced.BalancedAccuracy, 12);
        });
    }

    private static float[] Row(int[] scores)
    {
        var distinct = scores.Select((s, k) => (float)(s * scores.Length + k + 1)).ToArray();
        var sum = distinct.Sum();
        return [.. distinct.Select(v => v / sum)];
    }

    private static float[] OneHot(int t, int classes)
    {
        var p = new float[classes];
        p[t] = 1;
        return p;
    }

    private static void AssertSameFigures(ClassificationMetrics expected, ClassificationMetrics actual)
    {
        Assert.Equal(expected.Accuracy, actual.Accuracy, 12);
        Assert.Equal(expected.BalancedAccuracy, actual.BalancedAccuracy, 12);
        Assert.Equal(expected.MacroF1, actual.MacroF1, 12);
        Assert.Equal(expected.Top5Accuracy, actual.Top5Accuracy, 12);
        Assert.Equal(expected.LogLoss, actual.LogLoss, 6);
    }
}
