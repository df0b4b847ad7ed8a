using Mentor.Evaluation;

namespace Mentor.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    private static readonly string[] Labels = ["cat", "dog", "fox"];

    // Truth: cat, cat, cat, dog, dog, fox. Predicted: cat, cat, dog, dog, fox, fox.
    private static readonly int[] Truth = [0, 0, 0, 1, 1, 2];
    private static readonly float[][] Probabilities =
    [
        [0.8f, 0.1f, 0.1f],
        [0.6f, 0.3f, 0.1f],
        [0.3f, 0.5f, 0.2f],
        [0.2f, 0.7f, 0.1f],
        [0.1f, 0.4f, 0.5f],
        [0.1f, 0.1f, 0.8f],
    ];

    private static readonly ClassificationMetrics Metrics = ClassificationMetrics.Compute(Truth, Probabilities, Labels);

    [Fact]
    public void Accuracy_and_the_confusion_matrix_count_the_hand_checked_cases()
    {
        Assert.Equal(4.0 / 6, Metrics.Accuracy, 12);
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], Metrics.ConfusionMatrix);
        Assert.Equal(6, Metrics.Images);
    }

    [Fact]
    public void Per_class_precision_recall_f1_and_support_match_hand_computation()
    {
        // cat: P 2/2, R 2/3; dog: P 1/2, R 1/2; fox: P 1/2, R 1/1.
        double[][] expected = [[1.0, 2.0 / 3, 0.8, 3], [0.5, 0.5, 0.5, 2], [0.5, 1.0, 2.0 / 3, 1]];
        for (var c = 0; c < 3; c++)
        {
            var m = Metrics.PerClass[c];
            Assert.Equal(Labels[c], m.Label);
            double[] actual = [m.Precision, m.Recall, m.F1, m.Support];
            for (var j = 0; j < 4; j++) Assert.Equal(expected[c][j], actual[j], 12);
        }
        Assert.Equal((2.0 / 3 + 0.5 + 1.0) / 3, Metrics.BalancedAccuracy, 12);
        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, Metrics.MacroF1, 12);
    }

    [Fact]
    public void Log_loss_is_the_mean_negative_log_probability_of_the_truth()
    {
        var expected = -(Math.Log(0.8) + Math.Log(0.6) + Math.Log(0.3) + Math.Log(0.7) + Math.Log(0.4) + Math.Log(0.8)) / 6;
        Assert.Equal(expected, Metrics.LogLoss, 6);
    }

    [Fact]
    public void Top5_with_three_classes_is_always_right_and_top1_ties_go_to_the_lower_index()
    {
        Assert.Equal(1.0, Metrics.Top5Accuracy);
        Assert.Equal(1, ClassificationMetrics.ArgMax([0.2f, 0.4f, 0.4f]));
    }

    [Fact]
    public void A_zero_probability_for_the_truth_is_clipped_not_infinite()
    {
        var metrics = ClassificationMetrics.Compute([0, 1], [[0f, 1f], [0f, 1f]], ["a", "b"]);
        Assert.Equal(-Math.Log(1e-15) / 2, metrics.LogLoss, 6);
    }

    [Fact]
    public void Top5_counts_the_truth_among_the_five_most_probable_of_many_classes()
    {
        var labels = Enumerable.Range(0, 7).Select(i => $"c{i}").ToArray();
        float[] p = [0.30f, 0.20f, 0.15f, 0.12f, 0.10f, 0.08f, 0.05f];
        var metrics = ClassificationMetrics.Compute([4, 5], [p, p], labels);
        Assert.Equal(0.5, metrics.Top5Accuracy);
    }
}
