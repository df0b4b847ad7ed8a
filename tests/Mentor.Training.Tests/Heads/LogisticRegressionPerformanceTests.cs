using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;
using Xunit.Abstractions;

namespace Mentor.Training.Tests.Heads;

/// <summary>The logistic head at the size of clothing-small on ResNet-18 features (its speed is measured in bench/, not here).</summary>
[Collection(LibtorchCollection.Name)]
public class LogisticRegressionPerformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void A_3068_by_512_ten_class_fit_with_cross_validation_chooses_a_middle_C_and_generalises()
    {
        // Given backbone-like features of clothing-small's size, and fresh rows of the same classes
        var (features, labels) = Synthetic.BackboneLike(rows: 3068, dimension: 512, seed: 1);
        var (test, testLabels) = Synthetic.BackboneLike(rows: 1000, dimension: 512, seed: 2);

        // When fitted with 5-fold cross-validation over the default grid
        var model = new LogisticRegressionTrainer().Fit(features, labels, 10);

        // Then every grid value was scored
        double accuracy = Synthetic.Accuracy(x => model.Predict(x), test, testLabels);
        output.WriteLine($"C = {model.C}, test accuracy {accuracy:F4}");
        foreach (var s in model.Scores) output.WriteLine($"  C {s.C,-7} accuracy {s.Accuracy:F4} ± {s.AccuracyError:F4} log-loss {s.LogLoss:F4} iterations {s.Iterations}");
        Assert.Equal(LogisticRegressionOptions.DefaultCGrid.Count, model.Scores.Count);
        // And it generalises as well as this synthetic problem allows
        Assert.InRange(model.C, 0.003, 0.3);
        Assert.True(accuracy > 0.85, $"test accuracy {accuracy:F4}");
    }
}
