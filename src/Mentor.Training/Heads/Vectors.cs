using System.Numerics;
using System.Runtime.InteropServices;

namespace Mentor.Training.Heads;

/// <summary>Small dense-vector helpers for the optimiser, vectorised with <see cref="Vector{T}"/>.</summary>
internal static class Vectors
{
    public static double Dot(double[] a, double[] b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var sum = Vector<double>.Zero;
        for (int i = 0; i < va.Length; i++) sum += va[i] * vb[i];
        double total = Vector.Sum(sum);
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }

    public static double MaxAbs(double[] a)
    {
        double max = 0;
        foreach (double v in a) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    public static double SumAbs(double[] a)
    {
        double sum = 0;
        foreach (double v in a) sum += Math.Abs(v);
        return sum;
    }

    /// <summary>a += scale * b.</summary>
    public static void AddScaled(double[] a, double scale, double[] b)
    {
        var va = MemoryMarshal.Cast<double, Vector<double>>(a.AsSpan());
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b.AsSpan());
        var s = new Vector<double>(scale);
        for (int i = 0; i < va.Length; i++) va[i] += s * vb[i];
        for (int i = va.Length * Vector<double>.Count; i < a.Length; i++) a[i] += scale * b[i];
    }

    public static void Scale(double[] a, double scale)
    {
        for (int i = 0; i < a.Length; i++) a[i] *= scale;
    }
}
