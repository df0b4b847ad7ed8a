using TorchSharp;

namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Chooses C for <see cref="LogisticRegressionTrainer"/>: over the grid in ascending C, each fit warm-started
/// from the previous one, scored on held-out rows, either by stratified k-fold cross-validation (all folds
/// fitted together as one batched problem) or on a given validation set.
/// </summary>
internal static class RegularizationSearch
{
    /// <summary>The chosen C and every candidate's score.</summary>
    public sealed record Outcome(double C, RegularizationScore[] Scores);

    /// <summary>Cross-validation.</summary>
    public static Outcome CrossValidate(torch.Tensor rows, TrainingSet train, float[] rowWeights, LogisticRegressionOptions options, double[] grid)
    {
        int n = train.Rows, k = train.ClassCount, folds = options.Folds, width = train.Dimension + 1;
        int[] fold = StratifiedFolds.Assign(train.Labels, k, folds, options.Seed);
        var problemWeights = new float[n * folds];
        for (int i = 0; i < n; i++)
        {
            for (int f = 0; f < folds; f++) problemWeights[i * folds + f] = fold[i] == f ? 0 : rowWeights[i];
        }
        using var objective = new SoftmaxObjective(rows, width, train.Labels, k, problemWeights, folds);
        var theta = new double[objective.Size];
        var lbfgs = new Lbfgs(options.SearchMaxIterations, options.SearchTolerance);
        var scores = new RegularizationScore[grid.Length];
        for (int g = 0; g < grid.Length; g++)
        {
            objective.SetC(grid[g]);
            var result = lbfgs.Minimize(objective.Evaluate, theta);
            float[] logProbabilities = objective.AllLogProbabilities(theta);
            var score = new HeldOutScore(folds);
            for (int i = 0; i < n; i++)
            {
                var own = logProbabilities.AsSpan((i * folds + fold[i]) * k, k);
                score.Add(fold[i], own, train.Labels[i], options.Balance ? rowWeights[i] : 1);
            }
            var (accuracy, error, logLoss) = score.Mean();
            scores[g] = new RegularizationScore(grid[g], accuracy, error, logLoss, result.Iterations);
        }
        return new Outcome(grid[Choose(scores, options.Metric)], scores);
    }

    /// <summary>Validation set: each candidate fitted on the training rows, scored on the validation rows.</summary>
    public static Outcome OnValidationSet(torch.Tensor rows, TrainingSet train, float[] rowWeights, float[] validationRows, TrainingSet validation, LogisticRegressionOptions options, double[] grid)
    {
        int k = train.ClassCount, width = train.Dimension + 1;
        using var objective = new SoftmaxObjective(rows, width, train.Labels, k, rowWeights, 1);
        var theta = new double[objective.Size];
        var lbfgs = new Lbfgs(options.SearchMaxIterations, options.SearchTolerance);
        float[] validationWeights = validation.SampleWeights(options.Balance);
        var scores = new RegularizationScore[grid.Length];
        var logits = new float[k];
        for (int g = 0; g < grid.Length; g++)
        {
            objective.SetC(grid[g]);
            var result = lbfgs.Minimize(objective.Evaluate, theta);
            var score = new HeldOutScore(1);
            for (int i = 0; i < validation.Rows; i++)
            {
                var row = validationRows.AsSpan(i * width, width);
                for (int c = 0; c < k; c++)
                {
                    double sum = 0;
                    for (int j = 0; j < width; j++) sum += theta[c * width + j] * row[j];
                    logits[c] = (float)sum;
                }
                score.AddLogits(0, logits, validation.Labels[i], validationWeights[i]);
            }
            var (accuracy, error, logLoss) = score.Mean();
            scores[g] = new RegularizationScore(grid[g], accuracy, error, logLoss, result.Iterations);
        }
        return new Outcome(grid[Choose(scores, options.Metric)], scores);
    }

    /// <summary>
    /// Index of the best candidate. LogLoss: the lowest. Accuracy: among the candidates whose accuracy is within
    /// one standard error of the best (differences the held-out rows cannot resolve), the lowest log-loss; so
    /// pure noise gets strong regularisation and cleanly separable data weak. Remaining ties: the smaller C.
    /// </summary>
    internal static int Choose(IReadOnlyList<RegularizationScore> scores, SearchMetric metric)
    {
        int top = 0;
        for (int g = 1; g < scores.Count; g++) if (scores[g].Accuracy > scores[top].Accuracy) top = g;
        double floor = scores[top].Accuracy - scores[top].AccuracyError - 1e-12;
        int best = -1;
        for (int g = 0; g < scores.Count; g++)
        {
            if (metric == SearchMetric.Accuracy && scores[g].Accuracy < floor) continue;
            if (best < 0 || scores[g].LogLoss < scores[best].LogLoss) best = g;
        }
        return best;
    }
}
