using System.Globalization;
using Mentor.Reports.Plots;

namespace Mentor.Reports;

/// <summary>Decides which figures a report's data calls for, with their captions and sizes.</summary>
internal static class FigureCatalog
{
    public const string ShotsSection = "shots", EvaluationSection = "evaluation", TrainingSection = "training";

    public static IReadOnlyList<ReportFigure> For(ReportData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var figures = new List<ReportFigure>();
        var curves = data.TrainingCurves.Where(c => c.Epochs.Count > 0).ToList();
        var methodOrder = MethodOrder(data);
        if (data.Shots is { } shots && shots.Methods.Any(m => m.Points.Any(p => p.Accuracies.Count > 0)))
        {
            figures.Add(new ReportFigure(
                ReportFigures.AccuracyByShots, ShotsSection,
                "Plot: test accuracy against training examples per class, one line per method",
                ShotsCaption(shots), 960, 540, () => AccuracyByShotsPlot.Render(shots, 960, 540, methodOrder)));
            if (AccuracyByTimePlot.HasData(shots))
                figures.Add(new ReportFigure(
                    ReportFigures.AccuracyByTime, ShotsSection,
                    "Plot: test accuracy against training time in seconds (log scale), one line per method",
                    "Mean test accuracy against mean training time per run, on a log scale. Each point is one number of "
                    + "examples per class, named by its label; higher and further left is better.",
                    960, 540, () => AccuracyByTimePlot.Render(shots, 960, 540, methodOrder)));
        }

        if (data.Evaluation is { } metrics && metrics.Labels.Count > 0)
        {
            var side = ConfusionMatrixPlot.SuggestedSide(metrics.Labels.Count);
            figures.Add(new ReportFigure(
                ReportFigures.ConfusionMatrix, EvaluationSection,
                "Heat map: confusion matrix, true classes in rows and predicted classes in columns",
                "Rows are true classes, columns the predicted ones; each cell counts images. The colour is the share of the "
                + "row, so the diagonal shows each class's recall and dark cells off it are the common confusions.",
                side, side, () => ConfusionMatrixPlot.Render(metrics, side, side)));
            var height = PerClassF1Plot.SuggestedHeight(metrics.Labels.Count);
            figures.Add(new ReportFigure(
                ReportFigures.PerClassF1, EvaluationSection,
                "Bar chart: F1 score of each class",
                "F1 of each class, the harmonic mean of its precision and recall; n is the number of true examples of the class.",
                820, height, () => PerClassF1Plot.Render(metrics, 820, height)));
        }

        if (curves.Count > 0)
        {
            var validation = curves.Any(c => c.Epochs.Any(e => e.ValidationAccuracy is not null));
            var width = validation ? 1100 : 720;
            figures.Add(new ReportFigure(
                ReportFigures.TrainingCurves, TrainingSection,
                validation ? "Line plots: training loss per epoch and validation accuracy against training time" : "Line plot: training loss per epoch",
                (validation ? "Training loss after each epoch (left) and validation accuracy against minutes of training (right)" : "Training loss after each epoch")
                + "; the legend gives each run's total training time.",
                width, 460, () => TrainingCurvesPlot.Render(curves, width, 460, methodOrder)));
        }
        return figures;
    }

    /// <summary>
    /// Every method and network the report names, in order of appearance: their colours in every figure, so that
    /// "fine-tuned" in the accuracy plots is the same colour as "fine-tuned" in the training curves.
    /// </summary>
    internal static IReadOnlyList<string> MethodOrder(ReportData data) =>
        (data.Shots?.Methods.Select(m => m.Method) ?? []).Concat(data.TrainingCurves.Select(c => c.Name)).Distinct(StringComparer.Ordinal).ToList();

    private static string ShotsCaption(ShotsComparison shots)
    {
        var points = shots.Methods.SelectMany(m => m.Points).ToList();
        var repeats = points.Max(p => p.Accuracies.Count);
        var caption = repeats > 1
            ? $"Mean test accuracy over {repeats} repeats as the training examples per class grow; error bars span one standard deviation."
            : "Test accuracy as the training examples per class grow.";
        var all = points.Where(p => p.IsAll).Select(p => (int?)p.ExamplesPerClass).Max();
        return all is null ? caption : caption + string.Create(CultureInfo.InvariantCulture, $" \"all\" is the whole training set, about {all} examples per class.");
    }
}
