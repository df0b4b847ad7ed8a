namespace Mentor.Training.Heads.Logistic;

/// <summary>How a minimisation ended.</summary>
internal readonly record struct LbfgsResult(int Iterations, int Evaluations, double Loss, bool Converged);
