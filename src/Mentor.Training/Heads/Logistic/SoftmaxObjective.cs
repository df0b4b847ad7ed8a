using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Several independent multinomial logistic-regression problems that share one design matrix (the
/// cross-validation folds, or just one): for problem p, sample weights w_p (zero for rows it must not
/// see) and the objective (1/S_p) (sum_i w_pi CE_i + ||W_p||^2 / (2C)), S_p = sum_i w_pi, i.e.
/// scikit-learn's loss scaled to a per-row mean; the bias is not penalised. The parameters are one tensor
/// [problems x classes, d + 1], the last column of each row being the bias, minimised with TorchSharp's
/// <c>optim.LBFGS</c>: one matrix product forward and one backward for all problems together.
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

    /// <summary>A zero parameter tensor of the right shape, [problems x classes, width].</summary>
    public Parameter NewParameters() => new(zeros(_p * _k, _width));

    /// <summary>A parameter tensor holding <paramref name="values"/> (flat, [problems x classes x width]).</summary>
    public Parameter NewParameters(float[] values) => new(tensor(values, [_p * _k, _width]));

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

    /// <summary>
    /// Minimises the sum over problems of their objectives from <paramref name="theta"/>'s values, in place, with a fresh
    /// L-BFGS history; returns the objective evaluations spent (libtorch's L-BFGS, without a line search, takes one per
    /// iteration). The stopping rule is the optimiser's: largest gradient component at most <paramref name="tolerance"/>,
    /// or a change in loss or parameters below 1e-7, about float32's resolution of a loss near 1: with libtorch's default
    /// (1e-9) a lightly regularised fit (C = 100 on clothing-small) ran all its iterations on rounding noise.
    /// </summary>
    public int Minimize(Parameter theta, int maxIterations, double tolerance)
    {
        using var scope = NewDisposeScope(); // the losses the closure returns
        using var optimizer = optim.LBFGS([theta], lr: 1, max_iter: maxIterations, max_eval: maxIterations * 5 / 4,
            tolerange_grad: tolerance, tolerance_change: 1e-7, history_size: 10);
        int evaluations = 0;
        optimizer.step(() =>
        {
            evaluations++;
            optimizer.zero_grad();
            var loss = Loss(theta);
            loss.backward();
            return loss;
        });
        return evaluations;
    }

    Tensor Loss(Tensor t)
    {
        using var scope = NewDisposeScope();
        var data = -(LogProbabilities(t) * _oneHot * _weights).sum();
        var penalised = t * _biasMask;
        // No implicit Scalar arguments (square() is pow(2)): TorchSharp can free those while libtorch still reads them.
        using var half = tensor(0.5f);
        var regularisation = (penalised * penalised * _penalty).sum() * half;
        return (data + regularisation).MoveToOuterDisposeScope();
    }

    /// <summary>Log-probabilities of every row under every problem's parameters, [n x p x k], copied out.</summary>
    public float[] AllLogProbabilities(Tensor theta)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return LogProbabilities(theta).data<float>().ToArray();
    }

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
