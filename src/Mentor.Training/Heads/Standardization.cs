using static TorchSharp.torch;

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
                double v = data.Features[i][j];
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
    public float[] TransformWithBias(float[][] rows)
    {
        int d = Mean.Length;
        var result = new float[rows.Length * (d + 1)];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < d; j++) result[i * (d + 1) + j] = (rows[i][j] - Mean[j]) / Std[j];
            result[i * (d + 1) + d] = 1f;
        }
        return result;
    }

    /// <summary>
    /// The same rows as a libtorch tensor [rows x (d + 1)], filled a block at a time: the standardised matrix exists once,
    /// in libtorch, never also as one managed array. The caller owns (disposes) the tensor.
    /// </summary>
    public Tensor TensorWithBias(float[][] rows)
    {
        const int Block = 4096;
        int width = Mean.Length + 1;
        var result = empty(rows.Length, width);
        for (int start = 0; start < rows.Length; start += Block)
        {
            int count = Math.Min(Block, rows.Length - start);
            using var block = tensor(TransformWithBias(rows[start..(start + count)]), [count, width]);
            using var target = result.narrow(0, start, count);
            target.copy_(block);
        }
        return result;
    }
}
