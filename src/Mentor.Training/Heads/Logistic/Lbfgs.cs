namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Limited-memory BFGS with a strong-Wolfe line search (Nocedal and Wright, algorithms 7.4 and 3.5-3.6,
/// laid out like PyTorch's torch.optim.LBFGS). Vectors are plain double arrays; only the objective
/// touches libtorch, so the optimiser's own bookkeeping is exact and cheap. Kept instead of TorchSharp's <c>optim.LBFGS</c>
/// for the reasons measured in bench/Mentor.Bench/LbfgsBenchmarks.cs: the same loss, accuracy and determinism, but the
/// library's has no line search and prints a libtorch deprecation warning to stderr for every optimiser made.
/// </summary>
internal sealed class Lbfgs
{
    /// <summary>Returns f(x) and writes its gradient into <c>gradient</c>.</summary>
    public delegate double Objective(double[] x, double[] gradient);

    private const double ChangeTolerance = 1e-10;
    private readonly int _maxIterations;
    private readonly double _gradientTolerance;
    private readonly int _history;

    /// <param name="maxIterations">Iteration cap (each iteration costs one or more evaluations).</param>
    /// <param name="gradientTolerance">Stop when the largest gradient component is at most this.</param>
    /// <param name="history">Correction pairs kept.</param>
    public Lbfgs(int maxIterations, double gradientTolerance, int history = 10)
    {
        _maxIterations = maxIterations;
        _gradientTolerance = gradientTolerance;
        _history = history;
    }

    /// <summary>Minimises <paramref name="f"/> from <paramref name="x"/>, which is updated in place.</summary>
    public LbfgsResult Minimize(Objective f, double[] x)
    {
        int n = x.Length;
        var g = new double[n];
        double loss = f(x, g);
        int evaluations = 1;
        if (Vectors.MaxAbs(g) <= _gradientTolerance) return new LbfgsResult(0, evaluations, loss, true);

        var steps = new Queue<(double[] S, double[] Y, double Rho)>();
        var d = new double[n];
        var previousGradient = new double[n];
        var alpha = new double[_history];
        double hessianScale = 1, t = 1;
        bool converged = false;
        int iteration = 0;
        while (iteration < _maxIterations)
        {
            iteration++;
            if (iteration == 1)
            {
                for (int i = 0; i < n; i++) d[i] = -g[i];
            }
            else
            {
                var y = new double[n];
                var s = new double[n];
                for (int i = 0; i < n; i++)
                {
                    y[i] = g[i] - previousGradient[i];
                    s[i] = d[i] * t;
                }
                double ys = Vectors.Dot(y, s);
                if (ys > 1e-10)
                {
                    if (steps.Count == _history) steps.Dequeue();
                    steps.Enqueue((s, y, 1 / ys));
                    hessianScale = ys / Vectors.Dot(y, y);
                }
                TwoLoop(steps, g, d, hessianScale, alpha);
            }
            Array.Copy(g, previousGradient, n);
            double previousLoss = loss;
            t = iteration == 1 ? Math.Min(1, 1 / Vectors.SumAbs(g)) : 1;
            double gtd = Vectors.Dot(g, d);
            if (gtd > -ChangeTolerance) break;

            var search = StrongWolfe.Search(f, x, t, d, loss, g, gtd);
            evaluations += search.Evaluations;
            t = search.Step;
            loss = search.Loss;
            Array.Copy(search.Gradient, g, n);
            Vectors.AddScaled(x, t, d);

            if (Vectors.MaxAbs(g) <= _gradientTolerance) { converged = true; break; }
            if (Vectors.MaxAbs(d) * Math.Abs(t) <= ChangeTolerance) break;
            if (Math.Abs(loss - previousLoss) < ChangeTolerance * Math.Max(1, Math.Abs(loss))) break;
        }
        return new LbfgsResult(iteration, evaluations, loss, converged);
    }

    /// <summary>d = -H g by the two-loop recursion over the stored pairs.</summary>
    static void TwoLoop(Queue<(double[] S, double[] Y, double Rho)> steps, double[] g, double[] d, double hessianScale, double[] alpha)
    {
        var pairs = steps.ToArray();
        for (int i = 0; i < g.Length; i++) d[i] = -g[i];
        for (int k = pairs.Length - 1; k >= 0; k--)
        {
            alpha[k] = pairs[k].Rho * Vectors.Dot(pairs[k].S, d);
            Vectors.AddScaled(d, -alpha[k], pairs[k].Y);
        }
        Vectors.Scale(d, hessianScale);
        for (int k = 0; k < pairs.Length; k++)
        {
            double beta = pairs[k].Rho * Vectors.Dot(pairs[k].Y, d);
            Vectors.AddScaled(d, alpha[k] - beta, pairs[k].S);
        }
    }
}
