using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Models;

namespace Mentor.Training;

/// <summary>Checks a written model file against the model in memory: the file, run by ONNX Runtime on the same photos, must give the same top-1 labels.</summary>
public static class ExportCheck
{
    /// <summary>The share of <paramref name="paths"/> on which the model file's top label equals the top of <paramref name="expected"/>.</summary>
    public static async Task<double> TopOneAgreementAsync(string modelPath, IReadOnlyList<string> paths, IReadOnlyList<float[]> expected, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(expected);
        if (paths.Count == 0 || paths.Count != expected.Count) throw new ArgumentException($"{paths.Count} photos for {expected.Count} expected answers");
        using var classifier = ImageClassifier.Load(modelPath);
        var result = await new FeatureExtractor(classifier, cache: null).ExtractAsync(paths, null, cancellation).ConfigureAwait(false);
        var same = 0;
        for (var i = 0; i < paths.Count; i++)
            if (result.Features[i] is { } actual && ClassificationMetrics.ArgMax(actual) == ClassificationMetrics.ArgMax(expected[i])) same++;
        return (double)same / paths.Count;
    }
}
