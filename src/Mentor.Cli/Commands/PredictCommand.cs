using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Features;
using Mentor.Models;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor predict &lt;model.onnx&gt; &lt;image-or-dir&gt;... [--top K] [--json|--csv]</c>.</summary>
internal static class PredictCommand
{
    private sealed record Prediction(string Path, IReadOnlyList<LabelScore>? Top, string? Error);

    public static Command Create(CommandContext context)
    {
        var modelPath = new Argument<FileInfo>("model") { Description = "Model file written by 'mentor train -o'" };
        var inputs = new Argument<string[]>("images") { Description = "Image files or folders (walked recursively)", Arity = ArgumentArity.OneOrMore };
        var top = new Option<int>("--top") { Description = "Labels per image", DefaultValueFactory = _ => 3 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--top must be at least 1."); });
        var json = new Option<bool>("--json") { Description = "Print a JSON array" };
        var csv = new Option<bool>("--csv") { Description = "Print CSV: path,rank,label,probability,error" };
        var command = new Command("predict", "Label images with a trained model") { modelPath, inputs, top, json, csv };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(csv)) r.AddError("--json and --csv cannot be used together.");
        });
        command.SetAction(async (parse, cancellation) =>
        {
            using var classifier = ImageClassifier.Load(parse.GetValue(modelPath)!.FullName);
            var files = ExpandInputs(parse.GetValue(inputs)!);
            var k = Math.Min(parse.GetValue(top), classifier.Labels.Count);
            var extractor = new FeatureExtractor(classifier, cache: null, ExtractionOptions.Default with { BatchSize = 4 });
            var result = await ProgressBars.RunAsync(context.Status, "predicting", files.Count,
                progress => extractor.ExtractAsync(files, progress, cancellation)).ConfigureAwait(false);
            var reasons = result.Skipped.ToDictionary(s => s.Path, s => s.Reason);
            var predictions = files.Select((f, i) => result.Features[i] is { } p
                ? new Prediction(f, LabelScore.Top(p, classifier.Labels, k), null)
                : new Prediction(f, null, reasons.GetValueOrDefault(f, "unreadable"))).ToList();

            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(predictions, JsonOutput.Options)).ConfigureAwait(false);
            else if (parse.GetValue(csv)) await context.Out.WriteAsync(ToCsv(predictions)).ConfigureAwait(false);
            else Render(context.Console, predictions);
            // Some files unreadable: still exit 0 when others were labelled; 1 when none could be.
            return predictions.Any(p => p.Top is not null) ? MentorApp.Ok : MentorApp.UserError;
        });
        return command;
    }

    private static List<string> ExpandInputs(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                files.AddRange(Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System })
                    .Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal));
            else
                files.Add(input); // a missing file is reported per file, not fatal
        }
        return files;
    }

    private static void Render(IAnsiConsole console, List<Prediction> predictions)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Image", "Prediction");
        foreach (var p in predictions)
            table.AddRow(Markup.Escape(p.Path), p.Top is null
                ? $"[red]{Markup.Escape(p.Error!)}[/]"
                : string.Join("  ", p.Top.Select((s, i) => i == 0 ? $"[bold]{Markup.Escape(s.Label)}[/] {s.Probability:P1}" : $"{Markup.Escape(s.Label)} {s.Probability:P1}")));
        console.Write(table);
    }

    private static string ToCsv(List<Prediction> predictions)
    {
        var csv = new StringBuilder("path,rank,label,probability,error\n");
        foreach (var p in predictions)
        {
            if (p.Top is null)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Quote(p.Path)},,,,{Quote(p.Error!)}\n");
                continue;
            }
            for (var i = 0; i < p.Top.Count; i++)
                csv.Append(CultureInfo.InvariantCulture, $"{Quote(p.Path)},{i + 1},{Quote(p.Top[i].Label)},{p.Top[i].Probability:0.######},\n");
        }
        return csv.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
