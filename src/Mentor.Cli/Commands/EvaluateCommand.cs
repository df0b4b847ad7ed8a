using System.CommandLine;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Mentor.Evaluation;
using Mentor.Features;
using Mentor.Models;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor evaluate &lt;model.onnx&gt; &lt;dir&gt; [--json]</c>: the model file's metrics on a labelled folder.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CommandContext context)
    {
        var modelPath = new Argument<FileInfo>("model") { Description = "Model file written by 'mentor train -o'" };
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Labelled image folder (dir/<label>/*.jpg); labels must be the model's" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var strict = new Option<bool>("--strict") { Description = "Fail on any unusable file instead of skipping it" };
        var command = new Command("evaluate", "Measure a trained model on a labelled image folder") { modelPath, folder, json, strict };
        command.SetAction(async (parse, cancellation) =>
        {
            using var classifier = ImageClassifier.Load(parse.GetValue(modelPath)!.FullName);
            var dataset = ImageFolderDataset.Open(parse.GetValue(folder)!.FullName, minimumClasses: 1);
            var toModel = LabelMapping.ToModelLabels(dataset, classifier.Labels);
            var extractor = new FeatureExtractor(classifier, cache: null);
            var outputs = await ProgressBars.RunAsync(context.Status, "evaluating", dataset.Images.Count,
                progress => extractor.ExtractAsync(dataset, parse.GetValue(strict), progress, cancellation)).ConfigureAwait(false);
            var truth = outputs.Targets.Select(t => toModel[t]).ToArray();
            var metrics = ClassificationMetrics.Compute(truth, outputs.Features, classifier.Labels);

            if (parse.GetValue(json))
            {
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new EvaluationReport(metrics, outputs.Extraction.Skipped), JsonOutput.Options)).ConfigureAwait(false);
                return MentorApp.Ok;
            }
            MetricsView.Render(context.Console, $"{Path.GetFileName(classifier.Path)} on {dataset.Root}", metrics);
            ExtractionSummary.RenderSkipped(context.Console, outputs.Extraction.Skipped);
            return MentorApp.Ok;
        });
        return command;
    }
}
