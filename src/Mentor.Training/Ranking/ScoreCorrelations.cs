namespace Mentor.Training.Ranking;

/// <summary>Kendall's tau-b between each score and the verified linear-head accuracy, over the candidates.</summary>
/// <param name="KnnAccuracy">Kendall's tau-b of the k-NN accuracy (-1..1; 1: it orders the candidates exactly as the verified accuracy does).</param>
/// <param name="LogMe">Kendall's tau-b of the LogME evidence (-1..1).</param>
public sealed record ScoreCorrelations(double KnnAccuracy, double LogMe);
