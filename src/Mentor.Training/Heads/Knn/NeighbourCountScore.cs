namespace Mentor.Training.Heads.Knn;

/// <summary>Cross-validated accuracy of one neighbour count in <see cref="KnnTrainer"/>'s search.</summary>
public sealed record NeighbourCountScore(int K, double Accuracy);
