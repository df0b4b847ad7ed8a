namespace Mentor.Training.Heads.Logistic;

/// <summary>
/// Line search for a step satisfying the strong Wolfe conditions: bracketing, then zoom with safeguarded
/// cubic interpolation (Nocedal and Wright, algorithms 3.5 and 3.6; the same scheme as PyTorch's LBFGS, which
/// TorchSharp 0.107 does not expose; compared in bench/Mentor.Bench/LbfgsBenchmarks.cs).
/// </summary>
internal static class StrongWolfe
{
    const double C1 = 1e-4, C2 = 0.9, ChangeTolerance = 1e-9;
    const int MaxEvaluations = 25;

    /// <summary>The accepted step, its loss and gradient, and the evaluations used.</summary>
    public readonly record struct Result(double Step, double Loss, double[] Gradient, int Evaluations);

    /// <summary>Searches along <paramref name="d"/> from <paramref name="x"/> (left unchanged), starting at step <paramref name="t"/>.</summary>
    public static Result Search(Lbfgs.Objective f, double[] x, double t, double[] d, double loss, double[] g, double gtd)
    {
        double dNorm = Vectors.MaxAbs(d);
        var point = new double[x.Length];
        (double Loss, double[] Gradient, double Gtd) Evaluate(double step)
        {
            for (int i = 0; i < x.Length; i++) point[i] = x[i] + step * d[i];
            var gradient = new double[x.Length];
            double value = f(point, gradient);
            return (value, gradient, Vectors.Dot(gradient, d));
        }

        var current = Evaluate(t);
        int evaluations = 1;
        double tPrevious = 0;
        var previous = (Loss: loss, Gradient: g, Gtd: gtd);
        // Bracket: two steps with their values; the better one is the low end.
        double[]? steps = null;
        (double Loss, double[] Gradient, double Gtd)[]? ends = null;
        bool done = false;
        int iterations = 0;
        while (iterations < MaxEvaluations)
        {
            if (current.Loss > loss + C1 * t * gtd || (iterations > 1 && current.Loss >= previous.Loss))
            {
                steps = [tPrevious, t];
                ends = [previous, current];
                break;
            }
            if (Math.Abs(current.Gtd) <= -C2 * gtd)
            {
                return new Result(t, current.Loss, current.Gradient, evaluations);
            }
            if (current.Gtd >= 0)
            {
                steps = [tPrevious, t];
                ends = [previous, current];
                break;
            }
            // Extrapolate: somewhere in [t + 0.01 (t - tPrevious), 10 t].
            double next = Cubic(tPrevious, previous.Loss, previous.Gtd, t, current.Loss, current.Gtd, t + 0.01 * (t - tPrevious), t * 10);
            tPrevious = t;
            previous = current;
            t = next;
            current = Evaluate(t);
            evaluations++;
            iterations++;
        }
        if (steps is null || ends is null)
        {
            steps = [0, t];
            ends = [(loss, g, gtd), current];
        }

        bool insufficientProgress = false;
        int low = ends[0].Loss <= ends[1].Loss ? 0 : 1;
        while (!done && iterations < MaxEvaluations)
        {
            if (Math.Abs(steps[1] - steps[0]) * dNorm < ChangeTolerance) break;
            double lo = Math.Min(steps[0], steps[1]), hi = Math.Max(steps[0], steps[1]);
            t = Cubic(steps[0], ends[0].Loss, ends[0].Gtd, steps[1], ends[1].Loss, ends[1].Gtd, lo, hi);
            // Keep away from the bracket's ends unless the last try made too little progress.
            double eps = 0.1 * (hi - lo);
            if (Math.Min(hi - t, t - lo) < eps)
            {
                if (insufficientProgress || t >= hi || t <= lo)
                {
                    t = Math.Abs(t - hi) < Math.Abs(t - lo) ? hi - eps : lo + eps;
                    insufficientProgress = false;
                }
                else
                {
                    insufficientProgress = true;
                }
            }
            else
            {
                insufficientProgress = false;
            }
            current = Evaluate(t);
            evaluations++;
            iterations++;
            int high = 1 - low;
            if (current.Loss > loss + C1 * t * gtd || current.Loss >= ends[low].Loss)
            {
                steps[high] = t;
                ends[high] = current;
                low = ends[0].Loss <= ends[1].Loss ? 0 : 1;
            }
            else
            {
                if (Math.Abs(current.Gtd) <= -C2 * gtd) done = true;
                else if (current.Gtd * (steps[high] - steps[low]) >= 0)
                {
                    steps[high] = steps[low];
                    ends[high] = ends[low];
                }
                steps[low] = t;
                ends[low] = current;
            }
        }
        return new Result(steps[low], ends[low].Loss, ends[low].Gradient, evaluations);
    }

    /// <summary>Minimiser of the cubic through two points with their slopes, clamped to [min, max].</summary>
    static double Cubic(double x1, double f1, double g1, double x2, double f2, double g2, double min, double max)
    {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square < 0) return (min + max) / 2;
        double d2 = Math.Sqrt(d2Square);
        double position = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
        if (double.IsNaN(position)) return (min + max) / 2;
        return Math.Min(Math.Max(position, min), max);
    }
}
