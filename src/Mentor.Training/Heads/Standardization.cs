using Mentor.Heads;
using Mentor.Models;
using static TorchSharp.torch;

namespace Mentor.Training.Heads;

/// <summary>
/// Per-feature mean and standard deviation of training rows (a constant feature gets std 1), after the head's
/// <see cref="FeatureTransform"/>: the transform is applied as rows are read, so raw rows are never copied just to be
/// transformed (at a million rows that copy is 2 GB).
/// </summary>
internal sealed class Standardization
{
    Standardization(float[] mean, float[] std, FeatureTransform transform)
    {
        Mean = mean;
        Std = std;
        ValueTransform = transform;
    }

    public float[] Mean { get; }
    public float[] Std { get; }

    /// <summary>Applied to every raw value before it is standardised.</summary>
    public FeatureTransform ValueTransform { get; }

    public static Standardization Fit(TrainingSet data, FeatureTransform transform = FeatureTransform.None)
    {
        int d = data.Dimension;
        var sum = new double[d];
        var squares = new double[d];
        for (int i = 0; i < data.Rows; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double v = Map(transform, data.Features[i][j]);
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
        return new Standardization(mean, std, transform);
    }

    /// <summary>One value under <paramref name="transform"/>, exactly as <see cref="ClassifierHead.Apply"/> computes it.</summary>
    static float Map(FeatureTransform transform, float value) =>
        transform == FeatureTransform.Sqrt ? MathF.Sqrt(MathF.Max(0f, value)) : value;

    /// <summary>Standardised rows, row-major [rows x d].</summary>
    public float[] Transform(float[] rows, int count)
    {
        int d = Mean.Length;
        var result = new float[count * d];
        for (int i = 0; i < count; i++)
            for (int j = 0; j < d; j++) result[i * d + j] = (Map(ValueTransform, rows[i * d + j]) - Mean[j]) / Std[j];
        return result;
    }

    /// <summary>Standardised rows with a trailing column of ones (for the bias): row-major [rows x (d + 1)].</summary>
    public float[] TransformWithBias(float[][] rows)
    {
        int d = Mean.Length;
        var result = new float[rows.Length * (d + 1)];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < d; j++) result[i * (d + 1) + j] = (Map(ValueTransform, rows[i][j]) - Mean[j]) / Std[j];
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
