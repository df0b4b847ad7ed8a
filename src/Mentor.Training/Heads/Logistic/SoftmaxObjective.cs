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
    private readonly Tensor _rows;       // [n, d+1] standardised rows, trailing ones (borrowed)
    private readonly Tensor _oneHot;     // [n, 1, k]
    private readonly Tensor _weights;    // [n, p, 1] row weights, each problem's column summing to 1
    private readonly Tensor _biasMask;   // [1, d+1]: 1 for weights, 0 for the bias column
    private readonly double[] _weightSums;
    private Tensor _penalty;             // [p*k, 1]: 1 / (C S_p)
    private readonly int _n, _k, _p, _width;

    /// <summary>
    /// <paramref name="rows"/>: standardised rows with a trailing ones column, [n x width], borrowed (not copied, not disposed);
    /// <paramref name="problemWeights"/>: row weights of each problem, [n x problems] row-major.
    /// </summary>
    public SoftmaxObjective(Tensor rows, int width, int[] labels, int classCount, float[] problemWeights, int problems)
    {
        _n = labels.Length;
        _k = classCount;
        _p = problems;
        _width = width;
        _rows = rows;
        using (var labelTensor = tensor(labels.Select(l => (long)l).ToArray(), [_n]))
        using (var hot = nn.functional.one_hot(labelTensor, _k))
        using (var hotFloat = hot.to_type(ScalarType.Float32))
        {
            _oneHot = hotFloat.view(_n, 1, _k);
        }
        _weightSums = new double[_p];
        for (int i = 0; i < _n; i++) for (int q = 0; q < _p; q++) _weightSums[q] += problemWeights[i * _p + q];
        var normalised = new float[_n * _p];
        for (int i = 0; i < _n; i++) for (int q = 0; q < _p; q++) normalised[i * _p + q] = (float)(problemWeights[i * _p + q] / _weightSums[q]);
        _weights = tensor(normalised, [_n, _p, 1]);
        var mask = Enumerable.Repeat(1f, width).ToArray();
        mask[width - 1] = 0;
        _biasMask = tensor(mask, [1, width]);
        _penalty = zeros(_p * _k, 1);
    }

    /// <summary>Length of the parameter vector.</summary>
    public int Size => _p * _k * _width;

    /// <summary>Sets the inverse regularisation strength C (scikit-learn's) for every problem.</summary>
    public void SetC(double c)
    {
        var values = new float[_p * _k];
        for (int q = 0; q < _p; q++) for (int j = 0; j < _k; j++) values[q * _k + j] = (float)(1 / (c * _weightSums[q]));
        _penalty.Dispose();
        _penalty = tensor(values, [_p * _k, 1]);
    }

    /// <summary>The L2 strength per row of problem <paramref name="problem"/>, 1 / (C S_p).</summary>
    public double L2Strength(double c, int problem) => 1 / (c * _weightSums[problem]);

    /// <summary>Sum over problems of their objectives; writes the gradient.</summary>
    public double Evaluate(double[] theta, double[] gradient)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var t = Parameters(theta);
        var logProbabilities = LogProbabilities(t);
        double data = -(logProbabilities * _oneHot * _weights).sum().to_type(ScalarType.Float64).item<double>();
        var penalised = t * _biasMask;
        // No implicit Scalar arguments (square() is pow(2)): TorchSharp can free those while libtorch still reads them.
        double regularisation = 0.5 * (penalised * penalised * _penalty).sum().to_type(ScalarType.Float64).item<double>();
        var residual = (logProbabilities.exp() - _oneHot) * _weights;
        var g = residual.view(_n, _p * _k).t().matmul(_rows).add_(penalised.mul_(_penalty));
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

    Tensor Parameters(double[] theta) => tensor(Array.ConvertAll(theta, v => (float)v), [_p * _k, _width]);

    // logits - logsumexp: several times faster than log_softmax over a last dimension this short.
    Tensor LogProbabilities(Tensor t)
    {
        var logits = _rows.matmul(t.t()).view(_n, _p, _k);
        return logits - logits.logsumexp(2, keepdim: true);
    }

    public void Dispose()
    {
        _oneHot.Dispose();
        _weights.Dispose();
        _biasMask.Dispose();
        _penalty.Dispose();
    }
}
