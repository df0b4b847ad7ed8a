using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

[Collection(LibtorchCollection.Name)]
public class LogisticRegressionTrainerTests
{
    [Fact]
    public void Separable_data_is_learnt_exactly_with_weights_along_the_true_normal()
    {
        // Given two classes split by a known hyperplane, in shifted and scaled raw features
        var (features, labels, normal) = Synthetic.Separable(rows: 200, dimension: 5, seed: 1);

        // When a head is fitted with the default cross-validated search
        var model = new LogisticRegressionTrainer().Fit(features, labels, classCount: 2);

        // Then every training row is classified correctly, on raw features
        Assert.Equal(1.0, Synthetic.Accuracy(x => model.Predict(x), features, labels));
        // And the decision direction (class 1 minus class 0) points along the true normal
        var direction = Enumerable.Range(0, 5).Select(j => (double)model.WeightsOf(1)[j] - model.WeightsOf(0)[j]).ToArray();
        double cosine = direction.Zip(normal, (a, b) => a * b).Sum()
            / Math.Sqrt(direction.Sum(v => v * v) * normal.Sum(v => v * v));
        Assert.True(cosine > 0.95, $"cosine with the true normal {cosine:F3}");
    }

    [Fact]
    public void Separated_blobs_are_learnt_exactly_and_generalise()
    {
        // Given four well separated classes, and fresh rows from the same classes
        int[] sizes = [60, 50, 40, 30];
        var (features, labels) = Synthetic.Blobs(sizes, dimension: 8, spread: 6, seed: 2);
        var (fresh, freshLabels) = Synthetic.Blobs(sizes, dimension: 8, spread: 6, seed: 2, sampleSeed: 99);

        // When fitted
        var model = new LogisticRegressionTrainer().Fit(features, labels, classCount: 4);

        // Then training and fresh rows are all classified correctly, with confident probabilities
        Assert.Equal(1.0, Synthetic.Accuracy(x => model.Predict(x), features, labels));
        Assert.Equal(1.0, Synthetic.Accuracy(x => model.Predict(x), fresh, freshLabels));
        float[] probabilities = model.PredictProbabilities(fresh[0]);
        Assert.Equal(1.0, probabilities.Sum(), precision: 5);
        Assert.True(probabilities[freshLabels[0]] > 0.9);
    }

    [Fact]
    public void Cross_validation_regularises_noise_strongly_and_clean_data_weakly()
    {
        // Given features unrelated to their labels, and cleanly separable features
        var (noise, noiseLabels) = Synthetic.Noise(rows: 400, dimension: 20, classes: 2, seed: 3);
        var (clean, cleanLabels, _) = Synthetic.Separable(rows: 200, dimension: 5, seed: 4);
        var trainer = new LogisticRegressionTrainer();

        // When C is chosen by cross-validation on each
        var noiseModel = trainer.Fit(noise, noiseLabels, 2);
        var cleanModel = trainer.Fit(clean, cleanLabels, 2);

        // Then noise gets strong regularisation (small C) and clean data weak (large C)
        Assert.True(noiseModel.C <= 0.01, $"C on noise {noiseModel.C}");
        Assert.True(cleanModel.C >= 1, $"C on clean data {cleanModel.C}");
        // And every candidate was scored, in ascending C
        Assert.Equal(LogisticRegressionOptions.DefaultCGrid, noiseModel.Scores.Select(s => s.C));
        Assert.True(noiseModel.Scores.Min(s => s.Accuracy) > 0.3 && noiseModel.Scores.Max(s => s.Accuracy) < 0.7);
        Assert.Equal(noiseModel.L2Strength, 1 / (noiseModel.C * 400), 9);
    }

    [Fact]
    public void Balanced_weights_raise_minority_recall_on_skewed_classes()
    {
        // Given overlapping classes with 500 rows against 40, and fresh rows of both
        int[] sizes = [500, 40];
        var (features, labels) = Synthetic.Blobs(sizes, dimension: 4, spread: 0.8, seed: 5);
        var (fresh, freshLabels) = Synthetic.Blobs([2000, 2000], dimension: 4, spread: 0.8, seed: 5, sampleSeed: 77);

        // When fitted with the same C, without and with balancing
        var plain = new LogisticRegressionTrainer(new() { C = 1 }).Fit(features, labels, 2);
        var balanced = new LogisticRegressionTrainer(new() { C = 1, Balance = true }).Fit(features, labels, 2);

        // Then the minority class is recalled clearly more often with balancing
        double Recall(LinearClassifier m) => fresh.Where((_, i) => freshLabels[i] == 1).Average(x => m.Predict(x) == 1 ? 1.0 : 0.0);
        Assert.True(Recall(balanced) > Recall(plain) + 0.1, $"minority recall plain {Recall(plain):F3}, balanced {Recall(balanced):F3}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_model()
    {
        // Given one data set
        var (features, labels) = Synthetic.Blobs([40, 40, 40], dimension: 6, spread: 1.5, seed: 6);

        // When fitted twice with the same seed, and once with another
        var first = new LogisticRegressionTrainer(new() { Seed = 7 }).Fit(features, labels, 3);
        var second = new LogisticRegressionTrainer(new() { Seed = 7 }).Fit(features, labels, 3);
        var other = new LogisticRegressionTrainer(new() { Seed = 8 }).Fit(features, labels, 3);

        // Then the first two are identical and the other seed scored differently
        Assert.Equal(first.C, second.C);
        Assert.Equal(first.Weights.ToArray(), second.Weights.ToArray());
        Assert.Equal(first.Bias.ToArray(), second.Bias.ToArray());
        Assert.Equal(first.Scores, second.Scores);
        Assert.NotEqual(first.Scores.Select(s => s.Accuracy), other.Scores.Select(s => s.Accuracy));
    }

    [Fact]
    public void A_validation_set_chooses_C_by_its_own_accuracy()
    {
        // Given training rows and separate validation rows of the same classes
        int[] sizes = [80, 80, 80];
        var (features, labels) = Synthetic.Blobs(sizes, dimension: 10, spread: 1, seed: 9);
        var (validation, validationLabels) = Synthetic.Blobs(sizes, dimension: 10, spread: 1, seed: 9, sampleSeed: 10);

        // When fitted with the validation set
        var model = new LogisticRegressionTrainer(new() { CGrid = [0.001, 0.01, 0.1, 1] }).Fit(features, labels, 3, validation, validationLabels);

        // Then each candidate was scored on the validation rows and the chosen one is among the most accurate
        Assert.Equal([0.001, 0.01, 0.1, 1], model.Scores.Select(s => s.C));
        var chosen = model.Scores.Single(s => s.C == model.C);
        Assert.True(chosen.Accuracy >= model.Scores.Max(s => s.Accuracy) - chosen.AccuracyError - 1e-9);
        Assert.Equal(chosen.Accuracy, Synthetic.Accuracy(x => model.Predict(x), validation, validationLabels), 3);
    }

    [Fact]
    public void A_fixed_C_skips_the_search()
    {
        var (features, labels) = Synthetic.Blobs([30, 30], dimension: 3, spread: 3, seed: 11);

        var model = new LogisticRegressionTrainer(new() { C = 0.5 }).Fit(features, labels, 2);

        Assert.Equal(0.5, model.C);
        Assert.Empty(model.Scores);
        Assert.Equal(3, model.Dimension);
        Assert.Equal(2, model.ClassCount);
    }
}
