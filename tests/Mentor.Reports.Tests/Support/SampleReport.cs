using Mentor.Evaluation;

namespace Mentor.Reports.Tests.Support;

/// <summary>
/// A realistic report: 4 methods x 6 shot counts x 3 repeats, a 10-class evaluation computed by
/// <see cref="ClassificationMetrics.Compute"/>, 6 mistakes pointing at real test photos, two training curves.
/// Deterministic (fixed seeds).
/// </summary>
internal static class SampleReport
{
    public static readonly string[] Labels = ["dress", "hat", "longsleeve", "outwear", "pants", "shirt", "shoes", "shorts", "skirt", "t-shirt"];

    public static readonly string[] Methods = ["logistic on frozen features", "k-NN on frozen features", "fine-tuned", "from scratch"];

    /// <summary>Mean training photos per class in clothing-small (3,068 over 10 classes).</summary>
    public const int AllPerClass = 307;

    public static readonly int[] ShotCounts = [1, 2, 5, 10, 20];

    /// <summary>The rendered page of <see cref="Data"/>, made once per test run.</summary>
    public static string Html => Rendered.Value;

    private static readonly Lazy<string> Rendered = new(() => HtmlReport.Render(Data()));

    public static ReportData Data(IReadOnlyList<string>? labels = null, IReadOnlyList<string>? methods = null) => new()
    {
        Title = "Mentor report: clothing-small",
        Subtitle = "../shared/datasets/clothing-small, 2025-06-01",
        Summary =
        [
            new("Examples per class transfer learning needs to match from-scratch training with all data", "2"),
            new("Best test accuracy (fine-tuned, all data)", "93.1%"),
            new("Backbone", "resnet18"),
        ],
        Shots = Shots(methods ?? Methods),
        Evaluation = Evaluation(labels ?? Labels),
        EvaluationName = "fine-tuned, test set",
        Mistakes = Mistakes(labels ?? Labels),
        TrainingCurves = [Curve("fine-tuned", epochs: 8, secondsPerEpoch: 41, start: 0.75, end: 0.93), Curve("from scratch", 25, 12, 0.2, 0.58)],
    };

    public static ShotsComparison Shots(IReadOnlyList<string> methods, bool withSeconds = true)
    {
        var random = new Random(7);
        // Accuracy with all data, how fast each method gets there, and training seconds per example.
        (double Top, double Rate, double SecondsPerExample, double Overhead)[] shapes =
            [(0.88, 0.55, 0.002, 0.05), (0.84, 0.45, 0.0004, 0.01), (0.93, 0.4, 0.35, 4), (0.6, 0.05, 0.09, 2)];
        var results = new List<MethodResults>();
        for (var m = 0; m < methods.Count; m++)
        {
            var (top, rate, perExample, overhead) = shapes[m % shapes.Length];
            var points = new List<ShotResult>();
            foreach (var (count, isAll) in ShotCounts.Select(c => (c, false)).Append((AllPerClass, true)))
            {
                var expected = 0.1 + (top - 0.1) * (1 - Math.Exp(-rate * count));
                var accuracies = Enumerable.Range(0, 3).Select(_ => Math.Clamp(expected + (random.NextDouble() - 0.5) * 0.08 / Math.Sqrt(count), 0, 1)).ToList();
                var seconds = withSeconds
                    ? Enumerable.Range(0, 3).Select(_ => (overhead + perExample * count * Labels.Length) * (0.9 + random.NextDouble() * 0.2)).ToList()
                    : [];
                points.Add(new ShotResult(count, isAll, accuracies, seconds));
            }
            results.Add(new MethodResults(methods[m], points));
        }
        return new ShotsComparison(results);
    }

    public static ClassificationMetrics Evaluation(IReadOnlyList<string> labels)
    {
        var random = new Random(11);
        var truth = new List<int>();
        var probabilities = new List<float[]>();
        for (var i = 0; i < 372; i++)
        {
            var t = i % labels.Count;
            // Mostly right; shirts and t-shirts, longsleeves and outwear get mixed up.
            var predicted = random.NextDouble() < 0.86 ? t : t switch { 5 => 9, 9 => 5, 2 => 3, 3 => 2, _ => random.Next(labels.Count) };
            var p = Enumerable.Range(0, labels.Count).Select(_ => (float)random.NextDouble() * 0.05f).ToArray();
            p[predicted] += 0.7f;
            var sum = p.Sum();
            truth.Add(t);
            probabilities.Add(p.Select(v => v / sum).ToArray());
        }
        return ClassificationMetrics.Compute(truth, probabilities, labels);
    }

    public static IReadOnlyList<Mistake> Mistakes(IReadOnlyList<string> labels) =>
    [
        new(SharedData.Clothing("test", "shirt", 1)[0], labels[5], labels[9], 0.81),
        new(SharedData.Clothing("test", "t-shirt", 1)[0], labels[9], labels[5], 0.64),
        new(SharedData.Clothing("test", "longsleeve", 1)[0], labels[2], labels[3], 0.55),
        new(SharedData.Clothing("test", "outwear", 1)[0], labels[3], labels[2], 0.72),
        new(SharedData.Clothing("test", "skirt", 1)[0], labels[8], labels[0], 0.49),
        new(SharedData.Clothing("test", "shorts", 1)[0], labels[7], labels[4], 0.93),
    ];

    public static TrainingCurve Curve(string name, int epochs, double secondsPerEpoch, double start, double end, bool withValidation = true) =>
        new(name, Enumerable.Range(1, epochs).Select(e =>
        {
            var progress = 1 - Math.Exp(-3.0 * e / epochs);
            return new CurvePoint(e, e * secondsPerEpoch, 2.3 * Math.Exp(-2.5 * e / epochs) + 0.1, withValidation ? start + (end - start) * progress : null);
        }).ToList());
}
