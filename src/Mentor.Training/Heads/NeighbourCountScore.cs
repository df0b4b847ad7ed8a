namespace Mentor.Training.Heads;

/// <summary>Cross-validated accuracy of one neighbour count in <see cref="KnnTrainer"/>'s search.</summary>
public sealed record NeighbourCountScore(int K, double Accuracy);
