using Mentor.Models;

namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Fits a multinomial logistic-regression head on backbone features: features are standardised (mean and
/// std of the training rows), the loss is softmax cross-entropy plus L2 on the weights, minimised full-batch
/// with L-BFGS on libtorch, and C is chosen by stratified cross-validation or on a validation set.
/// The constructor only stores the options; <see cref="Fit(float[][], int[], int)"/> returns an immutable
/// <see cref="LinearClassifier"/> that applies to raw features and holds no libtorch state.
/// </summary>
public sealed class LogisticRegressionTrainer
{
    /// <summary>Stores and checks the options; no work is done until a fit.</summary>
    /// <param name="options">Regularisation, search and solver settings; null: the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range: C or a tolerance not positive, fewer than 2 folds, fewer search rows than folds, or fewer than 1 iteration.</exception>
    /// <exception cref="ArgumentException"><see cref="LogisticRegressionOptions.CGrid"/> is empty or holds a value that is not a positive number.</exception>
    public LogisticRegressionTrainer(LogisticRegressionOptions? options = null)
    {
        Options = options ?? new LogisticRegressionOptions();
        Validate(Options);
    }

    /// <summary>The options every fit uses (defaults when none were given).</summary>
    public LogisticRegressionOptions Options { get; }

    /// <summary>Fits on all rows; C by stratified k-fold cross-validation unless <see cref="LogisticRegressionOptions.C"/> is set.</summary>
    /// <param name="features">One feature vector per row, all of the same length.</param>
    /// <param name="labels">Class index (0..classCount-1) per row.</param>
    /// <param name="classCount">Number of classes; at least 2 must have rows.</param>
    /// <exception cref="TrainingDataException">The data cannot be learnt from; the message names the fix.</exception>
    public LinearClassifier Fit(float[][] features, int[] labels, int classCount) =>
        Fit(features, labels, classCount, null, null, FeatureTransform.None);

    /// <summary>
    /// Fits on the training rows, choosing C by accuracy (or the configured metric) on the validation rows,
    /// which are never trained on. With a fixed <see cref="LogisticRegressionOptions.C"/> the validation rows are unused.
    /// </summary>
    /// <exception cref="TrainingDataException">The data cannot be learnt from; the message names the fix.</exception>
    public LinearClassifier Fit(float[][] features, int[] labels, int classCount, float[][] validationFeatures, int[] validationLabels)
    {
        ArgumentNullException.ThrowIfNull(validationFeatures);
        ArgumentNullException.ThrowIfNull(validationLabels);
        return Fit(features, labels, classCount, validationFeatures, validationLabels, FeatureTransform.None);
    }

    /// <summary>
    /// Fits on raw rows that the head will see through <paramref name="transform"/>: the transform is applied as rows are
    /// standardised, never to a copy. The classifier returned applies to transformed rows.
    /// </summary>
    internal LinearClassifier Fit(float[][] features, int[] labels, int classCount, float[][]? validationFeatures, int[]? validationLabels, FeatureTransform transform)
    {
        var train = TrainingSet.Create(features, labels, classCount);
        var validation = validationFeatures is null || validationLabels is null
            ? null
            : TrainingSet.Create(validationFeatures, validationLabels, classCount, "validation", train.Dimension);
        return FitCore(train, validation, transform);
    }

    LinearClassifier FitCore(TrainingSet train, TrainingSet? validation, FeatureTransform transform)
    {
        train.RequireTwoClasses();
        using var threads = TorchRuntime.UseThreads(Options.Threads);
        var scaling = Standardization.Fit(train, transform);
        using var rows = scaling.TensorWithBias(train.Features);
        float[] rowWeights = train.SampleWeights(Options.Balance);
        double[] grid = (Options.CGrid ?? LogisticRegressionOptions.DefaultCGrid).Distinct().Order().ToArray();

        double c;
        RegularizationScore[] scores = [];
        if (Options.C is { } fixedC)
        {
            c = fixedC;
        }
        else if (validation is not null)
        {
            float[] validationRows = scaling.TransformWithBias(validation.Features);
            var outcome = RegularizationSearch.OnValidationSet(rows, train, rowWeights, validationRows, validation, Options, grid);
            (c, scores) = (outcome.C, outcome.Scores);
        }
        else
        {
            var outcome = train.Rows > Options.SearchRows
                ? CrossValidateOnSample(train, scaling, rowWeights, grid)
                : RegularizationSearch.CrossValidate(rows, train, rowWeights, Options, grid);
            (c, scores) = (outcome.C, outcome.Scores);
        }

        // The final fit starts from zero, not from the search's solution: the head then depends only on C, so a run
        // told the C an earlier search chose (a warm re-train, the studio's kept setting) gives the very same weights.
        using var objective = new SoftmaxObjective(rows, train.Dimension + 1, train.Labels, train.ClassCount, rowWeights, 1);
        objective.SetC(c);
        double[] theta = new double[objective.Size];
        new Lbfgs(Options.MaxIterations, Options.Tolerance).Minimize(objective.Evaluate, theta);
        return Fold(theta, scaling, train.ClassCount, c, objective.L2Strength(c, 0), scores);
    }

    /// <summary>The search on a stratified sample of about <see cref="LogisticRegressionOptions.SearchRows"/> rows (one part of a seeded stratified split).</summary>
    RegularizationSearch.Outcome CrossValidateOnSample(TrainingSet train, Standardization scaling, float[] rowWeights, double[] grid)
    {
        int parts = (train.Rows + Options.SearchRows - 1) / Options.SearchRows;
        int[] part = StratifiedFolds.Assign(train.Labels, train.ClassCount, parts, Options.Seed);
        int[] chosen = Enumerable.Range(0, train.Rows).Where(i => part[i] == 0).ToArray();
        var sample = TrainingSet.Create(chosen.Select(i => train.Features[i]).ToArray(), chosen.Select(i => train.Labels[i]).ToArray(), train.ClassCount);
        // Standardised as the whole set is, so the C it chooses means the same for the final fit.
        using var rows = scaling.TensorWithBias(sample.Features);
        return RegularizationSearch.CrossValidate(rows, sample, chosen.Select(i => rowWeights[i]).ToArray(), Options, grid);
    }

    /// <summary>Folds the standardisation into the weights: W_raw = W / std, b_raw = b - W (mean / std).</summary>
    static LinearClassifier Fold(double[] theta, Standardization scaling, int classCount, double c, double l2, RegularizationScore[] scores)
    {
        int d = scaling.Mean.Length, width = d + 1;
        var weights = new float[classCount * d];
        var bias = new float[classCount];
        for (int k = 0; k < classCount; k++)
        {
            double b = theta[k * width + d];
            for (int j = 0; j < d; j++)
            {
                double w = theta[k * width + j] / scaling.Std[j];
                weights[k * d + j] = (float)w;
                b -= w * scaling.Mean[j];
            }
            bias[k] = (float)b;
        }
        return new LinearClassifier(weights, bias, c, l2, scores);
    }

    static void Validate(LogisticRegressionOptions o)
    {
        if (o.C is { } c && !(c > 0 && double.IsFinite(c))) throw new ArgumentOutOfRangeException(nameof(o.C), c, "C must be a positive number.");
        if (o.CGrid is { } grid && (grid.Count == 0 || grid.Any(v => !(v > 0 && double.IsFinite(v)))))
        {
            throw new ArgumentException("CGrid must hold at least one positive number.", nameof(o.CGrid));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Folds, 2, nameof(o.Folds));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.SearchRows, o.Folds, nameof(o.SearchRows));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.MaxIterations, 1, nameof(o.MaxIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.SearchMaxIterations, 1, nameof(o.SearchMaxIterations));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.Tolerance, nameof(o.Tolerance));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.SearchTolerance, nameof(o.SearchTolerance));
    }
}
