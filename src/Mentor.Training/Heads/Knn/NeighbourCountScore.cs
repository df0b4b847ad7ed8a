namespace Mentor.Training.Heads.Knn;

/// <summary>Cross-validated accuracy of one neighbour count in <see cref="KnnTrainer"/>'s search.</summary>
/// <param name="K">The neighbour count tried.</param>
/// <param name="Accuracy">Its mean accuracy over the held-out folds (0..1).</param>
public sealed record NeighbourCountScore(int K, double Accuracy);
