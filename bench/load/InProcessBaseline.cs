using System.Diagnostics;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Models;

namespace Mentor.LoadTest;

/// <summary>
/// The reference the server is held to: the same model run in this process on already-prepared tensors, in batches
/// (decoding excluded, so the server must also hide its decoding and HTTP costs to come close).
/// </summary>
internal static class InProcessBaseline
{
    /// <summary>Images per second of <see cref="ImageClassifier.Run(float[], int, float[])"/> at <paramref name="batch"/>, over about <paramref name="time"/>.</summary>
    public static double Measure(string model, IReadOnlyList<(string Path, byte[] Bytes)> photos, int batch, TimeSpan time)
    {
        using var classifier = ImageClassifier.Load(model);
        var length = classifier.Preprocessing.TensorLength;
        var inputs = new float[batch * length];
        for (var i = 0; i < batch; i++)
            ImagePreparer.Prepare(photos[i % photos.Count].Bytes, photos[i % photos.Count].Path, classifier.Preprocessing, inputs.AsSpan(i * length, length));
        var outputs = new float[batch * classifier.OutputSize];
        classifier.Run(inputs, batch, outputs); // warm-up
        var clock = Stopwatch.StartNew();
        var images = 0;
        while (clock.Elapsed < time)
        {
            classifier.Run(inputs, batch, outputs);
            images += batch;
        }
        return images / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The top label of each photo, computed in process, to check the server's answers against.</summary>
    public static string[] TopLabels(string model, IReadOnlyList<(string Path, byte[] Bytes)> photos)
    {
        using var classifier = ImageClassifier.Load(model);
        return photos.Select(p => classifier.Labels[ClassificationMetrics.ArgMax(classifier.PredictProbabilities(p.Bytes, p.Path))]).ToArray();
    }
}
