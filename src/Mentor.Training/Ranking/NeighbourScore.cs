namespace Mentor.Training.Ranking;

/// <summary>The leave-one-out accuracy of the k-nearest-neighbours rule, at the neighbour count that scored best.</summary>
public sealed record NeighbourScore(double Accuracy, int K);
