using Mentor.Training.Ranking;
using Mentor.Training.Tests.Heads;

namespace Mentor.Training.Tests.Ranking;

public sealed class LogMeTests
{
    [Fact]
    public void Features_that_separate_the_classes_score_higher_than_weaker_ones_and_than_noise()
    {
        // Given three feature sets of the same 300 rows: class blobs far apart, close together, and pure noise
        var sizes = new[] { 100, 100, 100 };
        var (clear, labels) = Synthetic.Blobs(sizes, 16, spread: 6, seed: 1);
        var (faint, faintLabels) = Synthetic.Blobs(sizes, 16, spread: 1, seed: 1);
        var random = new Random(2);
        var noise = labels.Select(_ => Enumerable.Range(0, 16).Select(_ => (float)Synthetic.Gaussian(random)).ToArray()).ToArray();

        // When each is scored
        var clearScore = LogMe.Score(clear, labels, 3);
        var faintScore = LogMe.Score(faint, faintLabels, 3);
        var noiseScore = LogMe.Score(noise, labels, 3);

        // Then the ranking follows how much the features say about the labels
        Assert.Equal(labels, faintLabels);
        Assert.True(clearScore > faintScore, $"clear {clearScore} <= faint {faintScore}");
        Assert.True(faintScore > noiseScore, $"faint {faintScore} <= noise {noiseScore}");
    }

    [Fact]
    public void The_evidence_at_given_precisions_matches_the_dense_formula()
    {
        // Given F with orthogonal columns, so that FᵀF = diag(2, 4) is its own eigen-decomposition, and y
        double[,] f = { { 1, 0 }, { 1, 0 }, { 0, 2 }, { 0, 0 } };
        double[] y = [1, 0, 1, 0];

        // When the spectral evidence is computed at alpha = 0.5, beta = 2 from the eigenvalues and x = Vᵀ Fᵀ y = (1, 2)
        var spectral = LogMe.Evidence([2, 4], [1, 2], yy: 2, n: 4, alpha: 0.5, beta: 2);

        // Then it equals log N(y | 0, I/beta + F Fᵀ/alpha) / N computed densely
        Assert.Equal(DenseEvidence(f, y, 0.5, 2), spectral, 1e-12);
    }

    [Fact]
    public void The_score_is_the_maximum_of_the_evidence_over_alpha_and_beta_averaged_over_classes()
    {
        // Given 8 rows of 2 correlated features and 2 classes
        float[][] features = [[1, 2], [2, 1.5f], [0.5f, 1], [3, 2.5f], [-1, 0.5f], [0, -1], [-2, -1.5f], [-0.5f, -2]];
        int[] labels = [0, 0, 0, 0, 1, 1, 1, 1];
        var f = new double[8, 2];
        for (var i = 0; i < 8; i++) { f[i, 0] = features[i][0]; f[i, 1] = features[i][1]; }

        // When LogME is computed, and the dense evidence is maximised by a grid search over log alpha and log beta (coarse, then fine)
        var score = LogMe.Score(features, labels, 2);
        var best = Enumerable.Range(0, 2).Average(c =>
        {
            var y = labels.Select(l => l == c ? 1.0 : 0.0).ToArray();
            var (_, logAlpha, logBeta) = GridMax(f, y, -8, -8, 0.1, 161);
            return GridMax(f, y, logAlpha - 0.1, logBeta - 0.1, 0.002, 101).Max;
        });

        // Then the fixed point found the same maximum (the grid can only fall slightly short of it)
        Assert.InRange(score - best, -1e-9, 1e-4);
    }

    private static (double Max, double LogAlpha, double LogBeta) GridMax(double[,] f, double[] y, double alpha0, double beta0, double step, int steps)
    {
        var best = (Max: double.NegativeInfinity, LogAlpha: 0.0, LogBeta: 0.0);
        for (var i = 0; i < steps; i++)
            for (var j = 0; j < steps; j++)
            {
                double a = alpha0 + i * step, b = beta0 + j * step;
                var evidence = DenseEvidence(f, y, Math.Exp(a), Math.Exp(b));
                if (evidence > best.Max) best = (evidence, a, b);
            }
        return best;
    }

    // log N(y | 0, C) / N with C = I/beta + F Fᵀ/alpha: the marginal likelihood of Bayesian linear regression, written
    // in the data space (N x N) rather than the weight space the implementation uses.
    private static double DenseEvidence(double[,] f, double[] y, double alpha, double beta)
    {
        var n = y.Length;
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < f.GetLength(1); k++) c[i, j] += f[i, k] * f[j, k] / alpha;
                if (i == j) c[i, j] += 1 / beta;
            }
        var (logDeterminant, solved) = Cholesky(c, y);
        var quadratic = y.Zip(solved, (a, b) => a * b).Sum();
        return (-0.5 * logDeterminant - 0.5 * quadratic - n / 2.0 * Math.Log(2 * Math.PI)) / n;
    }

    private static (double LogDeterminant, double[] Solved) Cholesky(double[,] a, double[] b)
    {
        var n = b.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j];
                for (var k = 0; k < j; k++) sum -= l[i, k] * l[j, k];
                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++) sum -= l[i, k] * z[k];
            z[i] = sum / l[i, i];
        }
        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++) sum -= l[k, i] * x[k];
            x[i] = sum / l[i, i];
        }
        var logDeterminant = 2 * Enumerable.Range(0, n).Sum(i => Math.Log(l[i, i]));
        return (logDeterminant, x);
    }
}
