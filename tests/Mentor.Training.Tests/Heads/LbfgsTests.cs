using Mentor.Training.Heads.Logistic;
using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

[Collection(LibtorchCollection.Name)]
public class LbfgsTests
{
    [Fact]
    public void Rosenbrock_is_minimised_at_one_one()
    {
        // Given the Rosenbrock function, a classic curved valley, from (-1.2, 1)
        static double Rosenbrock(double[] x, double[] g)
        {
            double a = 1 - x[0], b = x[1] - x[0] * x[0];
            g[0] = -2 * a - 400 * x[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        }
        double[] x = [-1.2, 1];

        // When minimised
        var result = new Lbfgs(maxIterations: 200, gradientTolerance: 1e-8).Minimize(Rosenbrock, x);

        // Then it converges to the minimum (1, 1)
        Assert.True(result.Iterations < 200, $"{result}");
        Assert.Equal(1, x[0], 5);
        Assert.Equal(1, x[1], 5);
    }

    [Fact]
    public void An_ill_conditioned_quadratic_is_minimised()
    {
        // Given sum_i s_i (x_i - i)^2 / 2 with scales over three orders of magnitude
        // (SciPy's L-BFGS-B needs 266 iterations here)
        const int n = 50;
        double Quadratic(double[] x, double[] g)
        {
            double f = 0;
            for (int i = 0; i < n; i++)
            {
                double scale = Math.Pow(10, 3.0 * i / (n - 1)), d = x[i] - i;
                g[i] = scale * d;
                f += 0.5 * scale * d * d;
            }
            return f;
        }
        var x = new double[n];

        var result = new Lbfgs(maxIterations: 1000, gradientTolerance: 1e-6).Minimize(Quadratic, x);

        // Then it stops (gradient or loss change below tolerance) at the minimum
        Assert.True(result.Loss < 1e-8, $"{result}");
        for (int i = 0; i < n; i++) Assert.Equal(i, x[i], 3);
    }
}
