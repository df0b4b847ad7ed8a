using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Several independent multinomial logistic-regression problems that share one design matrix (the
/// cross-validation folds, or just one): for problem p, sample weights w_p (zero for rows it must not
/// see) and the objective (1/S_p) (sum_i w_pi CE_i + ||W_p||^2 / (2C)), S_p = sum_i w_pi, i.e.
/// scikit-learn's loss scaled to a per-row mean; the bias is not penalised. Parameters are one flat
/// vector [problems x classes x (d + 1)], the last column of each row being the bias. Evaluated in
/// float32 with libtorch, one matrix product forward and one backward for all problems together.
/// Owns its tensors except the design matrix, which the caller lends and disposes: dispose it.
/// </summary>
internal sealed class SoftmaxObjective : IDisposable
{
    readonly Tensor x;          // [n, d+1] standardised rows, trailing ones (borrowed)
    readonly Tensor oneHot;     // [n, 1, k]
    readonly Tensor weights;    // [n, p, 1] row weights, each problem's column summing to 1
    readonly Tensor biasMask;   // [1, d+1]: 1 for weights, 0 for the bias column
    readonly double[] weightSums;
    Tensor penalty;             // [p*k, 1]: 1 / (C S_p)
    readonly int n, k, p, width;

    /// <summary>
    /// <paramref name="rows"/>: standardised rows with a trailing ones column, [n x width], borrowed (not copied, not disposed);
    /// <paramref name="problemWeights"/>: row weights of each problem, [n x problems] row-major.
    /// </summary>
    public SoftmaxObjective(Tensor rows, int width, int[] labels, int classCount, float[] problemWeights, int problems)
    {
        n = labels.Length;
        k = classCount;
        p = problems;
        this.width = width;
        x = rows;
        using (var labelTensor = tensor(labels.Select(l => (long)l).ToArray(), [n]))
        using (var hot = nn.functional.one_hot(labelTensor, k))
        using (var hotFloat = hot.to_type(ScalarType.Float32))
        {
            oneHot = hotFloat.view(n, 1, k);
        }
        weightSums = new double[p];
        for (int i = 0; i < n; i++) for (int q = 0; q < p; q++) weightSums[q] += problemWeights[i * p + q];
        var normalised = new float[n * p];
        for (int i = 0; i < n; i++) for (int q = 0; q < p; q++) normalised[i * p + q] = (float)(problemWeights[i * p + q] / weightSums[q]);
        weights = tensor(normalised, [n, p, 1]);
        var mask = Enumerable.Repeat(1f, width).ToArray();
        mask[width - 1] = 0;
        biasMask = tensor(mask, [1, width]);
        penalty = zeros(p * k, 1);
    }

    /// <summary>Length of the parameter vector.</summary>
    public int Size => p * k * width;

    /// <summary>Sets the inverse regularisation strength C (scikit-learn's) for every problem.</summary>
    public void SetC(double c)
    {
        var values = new float[p * k];
        for (int q = 0; q < p; q++) for (int j = 0; j < k; j++) values[q * k + j] = (float)(1 / (c * weightSums[q]));
        penalty.Dispose();
        penalty = tensor(values, [p * k, 1]);
    }

    /// <summary>The L2 strength per row of problem <paramref name="problem"/>, 1 / (C S_p).</summary>
    public double L2Strength(double c, int problem) => 1 / (c * weightSums[problem]);

    /// <summary>Sum over problems of their objectives; writes the gradient.</summary>
    public double Evaluate(double[] theta, double[] gradient)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var t = Parameters(theta);
        var logProbabilities = LogProbabilities(t);
        double data = -(logProbabilities * oneHot * weights).sum().to_type(ScalarType.Float64).item<double>();
        var penalised = t * biasMask;
        // No implicit Scalar arguments (square() is pow(2)): TorchSharp can free those while libtorch still reads them.
        double regularisation = 0.5 * (penalised * penalised * penalty).sum().to_type(ScalarType.Float64).item<double>();
        var residual = (logProbabilities.exp() - oneHot) * weights;
        var g = residual.view(n, p * k).t().matmul(x).add_(penalised.mul_(penalty));
        var values = g.data<float>().ToArray();
        for (int i = 0; i < gradient.Length; i++) gradient[i] = values[i];
        return data + regularisation;
    }

    /// <summary>Log-probabilities of every row under every problem's parameters, [n x p x k], copied out.</summary>
    public float[] AllLogProbabilities(double[] theta)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return LogProbabilities(Parameters(theta)).data<float>().ToArray();
    }

    Tensor Parameters(double[] theta) => tensor(Array.ConvertAll(theta, v => (float)v), [p * k, width]);

    // logits - logsumexp: several times faster than log_softmax over a last dimension this short.
    Tensor LogProbabilities(Tensor t)
    {
        var logits = x.matmul(t.t()).view(n, p, k);
        return logits - logits.logsumexp(2, keepdim: true);
    }

    public void Dispose()
    {
        oneHot.Dispose();
        weights.Dispose();
        biasMask.Dispose();
        penalty.Dispose();
    }
}
