namespace Mentor.Training.Ranking;

/// <summary>Kendall's tau-b between each score and the verified linear-head accuracy, over the candidates.</summary>
public sealed record ScoreCorrelations(double KnnAccuracy, double LogMe);
