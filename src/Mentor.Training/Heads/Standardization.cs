namespace Mentor.Training.Heads;

/// <summary>Per-feature mean and standard deviation of training rows (a constant feature gets std 1).</summary>
internal sealed class Standardization
{
    Standardization(float[] mean, float[] std)
    {
        Mean = mean;
        Std = std;
    }

    public float[] Mean { get; }
    public float[] Std { get; }

    public static Standardization Fit(TrainingSet data)
    {
        int d = data.Dimension;
        var sum = new double[d];
        var squares = new double[d];
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double v = data.Features[i * d + j];
                sum[j] += v;
                squares[j] += v * v;
            }
        }
        var mean = new float[d];
        var std = new float[d];
        for (int j = 0; j < d; j++)
        {
            double m = sum[j] / data.Rows;
            double variance = Math.Max(0, squares[j] / data.Rows - m * m);
            mean[j] = (float)m;
            std[j] = variance > 1e-12 * Math.Max(1, m * m) ? (float)Math.Sqrt(variance) : 1f;
        }
        return new Standardization(mean, std);
    }

    /// <summary>Standardised rows, row-major [rows x d].</summary>
    public float[] Transform(float[] rows, int count)
    {
        int d = Mean.Length;
        var result = new float[count * d];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < d; j++) result[i * d + j] = (rows[i * d + j] - Mean[j]) / Std[j];
        return result;
    }

    /// <summary>Standardised rows with a trailing column of ones (for the bias): row-major [rows x (d + 1)].</summary>
    public float[] TransformWithBias(float[] rows, int count)
    {
        int d = Mean.Length;
        var result = new float[count * (d + 1)];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < d; j++) result[i * (d + 1) + j] = (rows[i * d + j] - Mean[j]) / Std[j];
            result[i * (d + 1) + d] = 1f;
        }
        return result;
    }
}
