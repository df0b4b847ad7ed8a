namespace Mentor.Training.Ranking;

/// <summary>The leave-one-out accuracy of the k-nearest-neighbours rule, at the neighbour count that scored best.</summary>
/// <param name="Accuracy">Share of photos whose leave-one-out vote names their own class (0..1).</param>
/// <param name="K">The neighbour count that accuracy was reached with.</param>
public sealed record NeighbourScore(double Accuracy, int K);
