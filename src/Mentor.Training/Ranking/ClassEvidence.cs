namespace Mentor.Training.Ranking;

/// <summary>The maximised evidence of one class's indicator (per row) and the precisions that maximise it.</summary>
/// <param name="Evidence">log p(y | F, alpha, beta) / N.</param>
/// <param name="Alpha">Prior precision of the weights.</param>
/// <param name="Beta">Precision of the noise.</param>
internal sealed record ClassEvidence(double Evidence, double Alpha, double Beta);
