using Mentor.Training.Heads;
using static TorchSharp.torch;

namespace Mentor.Training.Ranking;

/// <summary>
/// LogME, the log of the maximum evidence (You et al., "LogME: Practical Assessment of Pre-trained Models for Transfer
/// Learning", ICML 2021): how well a Bayesian linear regression on the features explains each class's 0/1 indicator,
/// with the prior precision alpha and the noise precision beta chosen to maximise the evidence, per sample, averaged
/// over classes. Higher is better; the value has no absolute meaning, only ranks between feature sets of the same data.
/// </summary>
public static class LogMe
{
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-6;

    /// <summary>The LogME of <paramref name="features"/> (one row per image) for <paramref name="labels"/>.</summary>
    /// <exception cref="TrainingDataException">The rows are empty, ragged, not finite, or of one class.</exception>
    public static double Score(float[][] features, int[] labels, int classCount)
    {
        var set = TrainingSet.Create(features, labels, classCount);
        set.RequireTwoClasses();
        var (sigma, projected) = Decompose(set);
        var total = 0.0;
        var x = new double[set.Dimension];
        for (var c = 0; c < classCount; c++)
        {
            for (var i = 0; i < x.Length; i++) x[i] = projected[i * classCount + c];
            total += Maximise(sigma, x, set.ClassCounts[c], set.Rows).Evidence;
        }
        return total / classCount;
    }

    /// <summary>
    /// The eigenvalues of FᵀF (ascending, D of them) and Vᵀ FᵀY, D x classes row-major, where V holds FᵀF's eigenvectors
    /// and Y the one-hot labels: all that the evidence needs, computed once for every class, in float64 by libtorch.
    /// </summary>
    private static (double[] Sigma, double[] Projected) Decompose(TrainingSet set)
    {
        TorchRuntime.EnsureLoaded();
        using var scope = NewDisposeScope();
        var f = tensor(set.Flatten(), [set.Rows, set.Dimension]).to(ScalarType.Float64);
        var (eigenvalues, vectors) = linalg.eigh(f.t().matmul(f));
        var projected = vectors.t().matmul(tensor(ClassSums(set), [set.Dimension, set.ClassCount])).contiguous();
        // Rounding leaves the Gram's zero eigenvalues slightly negative: they are zero.
        return (eigenvalues.clamp_min(0).data<double>().ToArray(), projected.data<double>().ToArray());
    }

    // FᵀY for one-hot Y: column c is the sum of class c's rows.
    private static double[] ClassSums(TrainingSet set)
    {
        var sums = new double[set.Dimension * set.ClassCount];
        for (var i = 0; i < set.Rows; i++)
        {
            var row = set.Features[i];
            for (var j = 0; j < row.Length; j++) sums[j * set.ClassCount + set.Labels[i]] += row[j];
        }
        return sums;
    }

    /// <summary>
    /// Maximises the evidence of one target over alpha and beta by MacKay's fixed-point iteration:
    /// gamma = sum(beta s / (alpha + beta s)), alpha = gamma / |m|^2, beta = (N - gamma) / |y - F m|^2.
    /// </summary>
    /// <param name="sigma">Eigenvalues of FᵀF.</param>
    /// <param name="x">Vᵀ Fᵀ y, in the same order.</param>
    /// <param name="yy">|y|^2.</param>
    /// <param name="n">Rows.</param>
    internal static ClassEvidence Maximise(ReadOnlySpan<double> sigma, ReadOnlySpan<double> x, double yy, int n)
    {
        double alpha = 1, beta = 1;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var lambda = alpha / beta;
            var (weights, residual) = Fit(sigma, x, yy, lambda);
            var gamma = 0.0;
            foreach (var s in sigma) gamma += s / (s + lambda);
            var nextAlpha = gamma / Math.Max(weights, double.Epsilon);
            var nextBeta = (n - gamma) / Math.Max(residual, double.Epsilon);
            // Rows that a linear map fits exactly (as many independent dimensions as rows) can drive lambda to 0 and beta
            // to infinity (36 photos' 256 layer3 features did): keep the last finite pair rather than end in NaN.
            if (!double.IsFinite(nextAlpha) || !double.IsFinite(nextBeta) || nextAlpha <= 0 || nextBeta <= 0) break;
            (alpha, beta) = (nextAlpha, nextBeta);
            if (Math.Abs(alpha / beta - lambda) <= Tolerance * lambda) break;
        }
        return new ClassEvidence(Evidence(sigma, x, yy, n, alpha, beta), alpha, beta);
    }

    /// <summary>The log evidence per row, log p(y | F, alpha, beta) / N, of the posterior-mean fit.</summary>
    internal static double Evidence(ReadOnlySpan<double> sigma, ReadOnlySpan<double> x, double yy, int n, double alpha, double beta)
    {
        var (weights, residual) = Fit(sigma, x, yy, alpha / beta);
        var logDeterminant = 0.0;
        foreach (var s in sigma) logDeterminant += Math.Log(alpha + beta * s);
        var evidence = sigma.Length / 2.0 * Math.Log(alpha) + n / 2.0 * Math.Log(beta) - logDeterminant / 2
            - beta / 2 * residual - alpha / 2 * weights - n / 2.0 * Math.Log(2 * Math.PI);
        return evidence / n;
    }

    // The posterior mean m = (lambda I + FᵀF)^-1 Fᵀy in the eigenbasis: |m|^2 and |y - F m|^2.
    private static (double Weights, double Residual) Fit(ReadOnlySpan<double> sigma, ReadOnlySpan<double> x, double yy, double lambda)
    {
        double weights = 0, residual = yy;
        for (var i = 0; i < sigma.Length; i++)
        {
            var m = x[i] / (sigma[i] + lambda);
            weights += m * m;
            residual += sigma[i] * m * m - 2 * x[i] * m;
        }
        return (weights, Math.Max(residual, 0));
    }
}
