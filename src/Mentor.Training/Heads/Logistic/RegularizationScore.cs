namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// How one candidate C scored in a regularisation search, on held-out rows (mean over cross-validation
/// folds, or the validation set).
/// </summary>
/// <param name="C">Inverse L2 strength (scikit-learn's C).</param>
/// <param name="Accuracy">Held-out accuracy (balanced accuracy when the trainer balances classes).</param>
/// <param name="AccuracyError">
/// Standard error of <paramref name="Accuracy"/>: the spread over folds / sqrt(folds), or binomial on a validation set.
/// </param>
/// <param name="LogLoss">Held-out mean cross-entropy, natural log.</param>
/// <param name="Iterations">L-BFGS iterations spent on this candidate.</param>
public sealed record RegularizationScore(double C, double Accuracy, double AccuracyError, double LogLoss, int Iterations);
