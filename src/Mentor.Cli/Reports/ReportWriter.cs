using System.Globalization;
using Mentor.Evaluation;
using Mentor.Reports;
using Mentor.Training;
using Mentor.Training.Comparison;
using Mentor.Training.Tuning;

namespace Mentor.Cli.Reports;

/// <summary>Turns what <c>compare</c> and <c>train</c> measured into an HTML report (plots inlined).</summary>
internal static class ReportWriter
{
    /// <summary>The comparison report: accuracy by shots and by time, the claims, the best model's test figures and mistakes, training curves.</summary>
    public static void WriteComparison(ComparisonResult result, string path)
    {
        var claims = result.Claims;
        var summary = new List<ReportFact>
        {
            new("Training pool / test photos", $"{result.TrainImages} / {result.TestImages} ({result.Labels.Count} classes)"),
        };
        if (claims.ScratchAccuracy is { } scratch)
        {
            summary.Add(new("Strongest from-scratch baseline, all the data", Invariant($"{claims.Baseline}: {scratch:F3} test accuracy in {claims.ScratchSeconds:F0} s")));
            summary.Add(new("Examples per class transfer learning needs to match it",
                claims.ShotsToMatch is not { } shots ? "not reached"
                : claims.MatchNeedsAllData ? $"all of them ({shots}, {claims.MatchingMethod}): no smaller sample reached it"
                : $"{shots} ({claims.MatchingMethod})"));
            summary.Add(new("Training time to that accuracy, from scratch / transfer",
                claims.TimeRatio is { } ratio ? Invariant($"{claims.ScratchSeconds:F0} s / {claims.TransferSeconds:F1} s = {ratio:F0}x") : "not reached"));
        }
        summary.Add(new("Best transfer model on all the data", Invariant($"{result.BestMethod}: {result.BestMetrics.Accuracy:F3} test accuracy")));
        summary.Add(new("Total run time", Invariant($"{result.TotalSeconds / 60:F1} min")));
        var data = new ReportData
        {
            Title = $"Transfer learning vs from scratch: {Path.GetFileName(result.Dataset.TrimEnd('/'))}",
            Subtitle = $"{result.Dataset}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}",
            Summary = summary,
            Shots = new ShotsComparison([.. result.Methods.Select(m => new MethodResults(m.Method,
                [.. m.Shots.Select(s => new ShotResult((int)Math.Round(s.ExamplesPerClass), s.Shots is null, s.Accuracies, s.Seconds))]))]),
            Evaluation = result.BestMetrics,
            EvaluationName = $"{result.BestMethod}, all the data, test set",
            Mistakes = [.. result.Mistakes.Select(ToReport)],
            TrainingCurves = [.. result.Curves.Select(c => Curve(c.Name, c.Epochs))],
        };
        HtmlReport.Write(data, path);
    }

    /// <summary>One training run's report: its figures on the test set (else validation), its mistakes and, when fine-tuned, its curves.</summary>
    public static void WriteTraining(TrainedClassifier trained, string modelPath, string path)
    {
        var split = trained.Test?.Metrics is not null ? trained.Test : trained.Validation;
        var summary = new List<ReportFact>
        {
            new("Model", modelPath),
            new("Backbone / head", $"{trained.Backbone.Spec.Name} / {trained.Head.Kind} ({trained.ChosenSetting})"),
            new("Training photos", trained.Train.Images.ToString(CultureInfo.InvariantCulture)),
        };
        if (trained.Validation?.Metrics is { } validation) summary.Add(new("Validation accuracy", Invariant($"{validation.Accuracy:F4}")));
        if (trained.Test?.Metrics is { } test) summary.Add(new("Test accuracy", Invariant($"{test.Accuracy:F4}")));
        if (trained.FineTuned is { } tuned)
            summary.Add(new("Fine-tuning", Invariant($"{tuned.Epochs.Count} epochs, kept {tuned.KeptWeights}, {tuned.ViewSeconds + tuned.TrainingSeconds:F0} s")));
        summary.Add(new("Total time", Invariant($"{trained.TotalSeconds:F1} s")));
        var data = new ReportData
        {
            Title = $"Training report: {Path.GetFileName(modelPath)}",
            Subtitle = $"{trained.Train.Root}, {DateTimeOffset.Now:yyyy-MM-dd HH:mm}",
            Summary = summary,
            Evaluation = split?.Metrics,
            EvaluationName = split is null ? null : $"{split.Name} set ({split.Root})",
            Mistakes = split is { Metrics: { } metrics, Paths: { } paths, Probabilities: { } probabilities }
                ? [.. ConfidentMistakes.Find(paths, probabilities, Truth(split, metrics), metrics.Labels).Select(ToReport)]
                : [],
            TrainingCurves = trained.FineTuned is { } run ? [Curve("fine-tuned", run.Epochs)] : [],
        };
        HtmlReport.Write(data, path);
    }

    private static TrainingCurve Curve(string name, IReadOnlyList<EpochReport> epochs) =>
        new(name, [.. epochs.Select(e => new CurvePoint(e.Epoch, e.ElapsedSeconds, e.TrainLoss, e.ValidationAccuracy))]);

    // The true label of each photo measured: the folder it is in, as the dataset reader has it.
    private static int[] Truth(SplitSummary split, ClassificationMetrics metrics)
    {
        var index = metrics.Labels.Select((label, i) => (label, i)).ToDictionary(x => x.label, x => x.i, StringComparer.Ordinal);
        return [.. split.Paths!.Select(p => index.TryGetValue(ClassFolder(split.Root, p), out var i) ? i : -1)];
    }

    private static string ClassFolder(string root, string path) =>
        Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar, 2)[0];

    private static Mistake ToReport(TestMistake mistake) => new(mistake.Path, mistake.TrueLabel, mistake.PredictedLabel, mistake.Confidence);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
