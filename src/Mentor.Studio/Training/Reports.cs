using Mentor.Training;

namespace Mentor.Studio.Training;

/// <summary>Turns a <see cref="TrainedClassifier"/> into the <see cref="TrainingReport"/> the page shows.</summary>
internal static class Reports
{
    /// <summary>Most confident mistakes listed.</summary>
    public const int Mistakes = 12;

    /// <param name="trained">The run's classifier.</param>
    /// <param name="root">The project folder.</param>
    /// <param name="seconds">The run's time.</param>
    /// <param name="kept">The earlier run whose setting this run kept, or null when this run searched.</param>
    public static TrainingReport From(TrainedClassifier trained, string root, double seconds, TrainingReport? kept)
    {
        var test = trained.Test;
        var metrics = test?.Metrics;
        var labels = trained.Labels;
        var heldOut = new List<HeldOutPhoto>();
        IReadOnlyList<HeldOutPhoto> mistakes = [];
        if (metrics is not null && test!.Paths is { } paths && test.Probabilities is { } probabilities)
        {
            var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
            var truth = paths.Select(p => index[ClassOf(root, p)]).ToArray();
            for (var i = 0; i < paths.Count; i++)
            {
                var predicted = Evaluation.ClassificationMetrics.ArgMax(probabilities[i]);
                heldOut.Add(new HeldOutPhoto(labels[truth[i]], Path.GetFileName(paths[i]), labels[predicted], Math.Round(probabilities[i][predicted], 4)));
            }
            mistakes = [.. ConfidentMistakes.Find(paths, probabilities, truth, labels, Mistakes)
                .Select(m => new HeldOutPhoto(m.TrueLabel, Path.GetFileName(m.Path), m.PredictedLabel, Math.Round(m.Confidence, 4)))];
        }
        return new TrainingReport(
            DateTimeOffset.UtcNow, Math.Round(seconds, 2), trained.Train.Images, test?.Images ?? 0, trained.Train.CacheHits + (test?.CacheHits ?? 0),
            trained.Options.TestFraction, trained.Options.Seed, trained.ChosenSetting, kept is null,
            kept?.SearchedOnPhotos ?? trained.Train.Images + (test?.Images ?? 0), labels,
            metrics?.Accuracy, metrics?.BalancedAccuracy, metrics?.MacroF1,
            metrics?.PerClass ?? [], metrics?.ConfusionMatrix ?? [], heldOut, mistakes,
            [.. trained.Train.Skipped.Concat(test?.Skipped ?? []).Select(s => $"{Path.GetRelativePath(root, s.Path)}: {s.Reason}")]);
    }

    // root/<class>/.../photo.jpg -> class
    private static string ClassOf(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0];
}
