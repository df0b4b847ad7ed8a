using Mentor.Cli.Terminal;
using Mentor.Features;
using Mentor.Training;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>The JSON of <c>train --json</c>, and its table form.</summary>
internal sealed record TrainingReport(
    string Model,
    string Backbone,
    string Head,
    string Chosen,
    IReadOnlyList<string> Labels,
    EvaluationReport? Validation,
    EvaluationReport? Test,
    double TrainSeconds,
    double TotalSeconds,
    int Images,
    int TrainImages,
    int? ValidationImages,
    int? TestImages,
    int CacheHits,
    IReadOnlyList<SkippedFile> Skipped,
    FineTuneReport? FineTune)
{
    public static TrainingReport From(TrainedClassifier trained, string modelPath, double? exportAgreement = null)
    {
        var splits = new[] { trained.Train, trained.Validation, trained.Test }.Where(s => s is not null).Select(s => s!).ToList();
        return new TrainingReport(
            modelPath,
            trained.Backbone.Spec.Name,
            trained.Head.Kind,
            trained.ChosenSetting,
            trained.Labels,
            Evaluation(trained.Validation),
            Evaluation(trained.Test),
            Math.Round(trained.FitSeconds, 3),
            Math.Round(trained.TotalSeconds, 3),
            splits.Sum(s => s.Images),
            trained.Train.Images,
            trained.Validation?.Images,
            trained.Test?.Images,
            splits.Sum(s => s.CacheHits),
            splits.SelectMany(s => s.Skipped).ToList(),
            trained.FineTuned is { } tuned ? FineTuneReport.From(tuned, trained.Options.FineTune!, exportAgreement) : null);
    }

    private static EvaluationReport? Evaluation(SplitSummary? split) =>
        split?.Metrics is { } metrics ? new EvaluationReport(metrics, split.Skipped) : null;

    public void Render(IAnsiConsole console, TrainedClassifier trained)
    {
        if (trained.Validation?.Metrics is { } validation) MetricsView.Render(console, $"validation ({trained.Validation.Root})", validation);
        if (trained.Test?.Metrics is { } test) MetricsView.Render(console, $"test ({trained.Test.Root})", test);
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "");
        table.AddRow("Model", Markup.Escape(Model));
        table.AddRow("Backbone / head", $"{Backbone} / {Head} ({Markup.Escape(Chosen)})");
        table.AddRow("Images", $"{Images} (train {TrainImages}, validation {ValidationImages?.ToString() ?? "-"}, test {TestImages?.ToString() ?? "-"}); {CacheHits} from the cache");
        table.AddRow("Head fitting", $"{TrainSeconds:F2} s");
        if (FineTune is { } tune)
        {
            table.AddRow("Fine-tuning", FormattableString.Invariant(
                $"{tune.Stages} stage(s), {tune.Epochs.Count} epochs in {tune.Precision}, kept {tune.Kept}; frozen stages {tune.ViewSeconds:F0} s, epochs {tune.TrainingSeconds:F0} s"));
            table.AddRow("Fine-tuning plan", Markup.Escape(Describe(tune.Plan)));
            if (tune.ExportAgreement is { } agreement)
                table.AddRow("Model file check", FormattableString.Invariant($"same top label as the trained network on {agreement:P1} of the test photos"));
            if (tune.InitialValidationAccuracy is { } before)
                table.AddRow("Validation before", FormattableString.Invariant($"{before:F4} (head on frozen features)"));
        }
        table.AddRow("Total", $"{TotalSeconds:F1} s");
        if (Validation is not null) table.AddRow("Validation accuracy", $"[bold]{Validation.Accuracy:F4}[/]");
        if (Test is not null) table.AddRow("Test accuracy", $"[bold]{Test.Accuracy:F4}[/]");
        console.Write(table);
        ExtractionSummary.RenderSkipped(console, Skipped);
    }

    // "2 stages (chosen: probe accuracy 0.937 at the top, 0.934 one stage down), crops keep 50%+ (chosen: 0.96 plain, 0.71 at 25%, 0.93 at 50%)"
    private static string Describe(Training.Tuning.FineTunePlan plan)
    {
        var stages = plan.StagesChosen
            ? FormattableString.Invariant($"{plan.Stages} stage(s), chosen: linear probe {string.Join(", ", plan.StageProbe.Select(p => $"{p.Accuracy:F3} at stage {p.Setting} from the top"))}")
            : FormattableString.Invariant($"{plan.Stages} stage(s), as asked");
        var crop = plan.CropChosen
            ? FormattableString.Invariant($"crops keep {plan.MinCrop:P0}+ of a photo, chosen: head on frozen features {string.Join(", ", plan.CropProbe.Select(p => $"{p.Accuracy:F3} at {p.Setting:P0}"))}")
            : FormattableString.Invariant($"crops keep {plan.MinCrop:P0}+ of a photo");
        return $"{stages}; {crop} ({plan.Seconds:F0} s)";
    }
}
