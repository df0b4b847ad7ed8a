namespace Mentor.Training.Heads.Logistic;

/// <summary>How a regularisation search ranks its candidates on held-out rows.</summary>
public enum SearchMetric
{
    /// <summary>
    /// Accuracy (balanced accuracy when balancing): among the candidates within one standard error of the best
    /// accuracy, the one with the lowest log-loss.
    /// </summary>
    Accuracy,

    /// <summary>Lowest mean log-loss (cross-entropy), which rewards calibrated probabilities.</summary>
    LogLoss,
}
