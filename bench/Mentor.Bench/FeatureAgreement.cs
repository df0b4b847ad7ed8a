using System.Globalization;
using Mentor.Features;

namespace Mentor.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Mentor.Bench -- feature-agreement a.parquet b.parquet</c>: mean and smallest cosine
/// similarity between the feature vectors of the same photos in two <c>mentor extract -o</c> files (e.g. int8 against fp32).
/// </summary>
internal static class FeatureAgreement
{
    public static async Task<int> RunAsync(string reference, string other)
    {
        var a = (await ParquetFeatureWriter.ReadAsync(reference)).ToDictionary(r => r.Path, r => r.Features, StringComparer.Ordinal);
        var b = await ParquetFeatureWriter.ReadAsync(other);
        var cosines = b.Where(r => a.ContainsKey(r.Path)).Select(r => Cosine(a[r.Path], r.Features)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"photos\": {cosines.Count}, \"meanCosine\": {cosines.Average():F5}, \"minCosine\": {cosines.Min():F5}}}"));
        return cosines.Count > 0 ? 0 : 1;
    }

    private static double Cosine(float[] x, float[] y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            dot += x[i] * (double)y[i];
            xx += x[i] * (double)x[i];
            yy += y[i] * (double)y[i];
        }
        return dot / Math.Sqrt(xx * yy);
    }
}
