using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Training.Comparison;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor compare &lt;dataset&gt; [--shots 1,2,5,10,20,all] [--repeats 3] [--budget-minutes M] [-o report.html] [--json]</c>:
/// transfer learning against training from scratch, measured on the user's data.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CommandContext context)
    {
        var defaults = new ComparisonOptions();
        var dataset = new Argument<DirectoryInfo>("dataset") { Description = "A folder with train/ and test/ sub-folders of classes, or one folder of classes (split 80/20)" };
        var shots = new Option<string>("--shots") { Description = "Examples per class to train on, comma-separated; 'all' for the whole training pool", DefaultValueFactory = _ => "1,2,5,10,20,all" };
        var repeats = new Option<int>("--repeats") { Description = "Seeded samples per shot count for the heads on frozen features", DefaultValueFactory = _ => defaults.Repeats };
        var budget = new Option<double?>("--budget-minutes") { Description = "Minutes for each fine-tuning run and each from-scratch run (default: fine-tuning as train does; the baselines get the time it took)" };
        var fineTuneShots = new Option<string>("--fine-tune-shots") { Description = "Shot counts at which to fine-tune, comma-separated ('all' included)", DefaultValueFactory = _ => "10,all" };
        var noFineTune = new Option<bool>("--no-fine-tune") { Description = "Skip fine-tuning" };
        var noScratch = new Option<bool>("--no-scratch") { Description = "Skip the from-scratch baselines" };
        var seed = new Option<int>("--seed") { Description = "Seed for the samples, splits and training", DefaultValueFactory = _ => defaults.Seed };
        var cache = new Option<string?>("--cache") { Description = "Cache folder (default: $MENTOR_CACHE, else the user's cache folder)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "HTML report to write (plots inlined; opens offline)" };
        var json = new Option<bool>("--json") { Description = "Print every measured figure as one JSON object" };
        var backbone = new Option<string>("--backbone") { Description = "Pre-trained backbone: a built-in name, a spec .json or an .onnx file", DefaultValueFactory = _ => defaults.Backbone };
        shots.Validators.Add(r => { if (!TryParseShots(r.GetValueOrDefault<string>(), out _)) r.AddError("--shots takes positive whole numbers and 'all', comma-separated, e.g. 1,2,5,10,20,all."); });
        fineTuneShots.Validators.Add(r => { if (!TryParseShots(r.GetValueOrDefault<string>(), out _)) r.AddError("--fine-tune-shots takes positive whole numbers and 'all', comma-separated, e.g. 10,all."); });
        repeats.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100) r.AddError("--repeats must be between 1 and 100."); });
        budget.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is not (> 0 and <= 24 * 60)) r.AddError("--budget-minutes must be above 0 and at most 1440."); });
        var command = new Command("compare", "Measure transfer learning against training from scratch: accuracy per examples per class, and training time")
        {
            dataset, shots, repeats, budget, fineTuneShots, noFineTune, noScratch, seed, cache, output, json, backbone,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            TryParseShots(parse.GetValue(shots)!, out var shotList);
            TryParseShots(parse.GetValue(fineTuneShots)!, out var tuneList);
            var options = defaults with
            {
                Shots = shotList,
                Repeats = parse.GetValue(repeats),
                BudgetMinutes = parse.GetValue(budget),
                FineTuneShots = tuneList,
                FineTune = !parse.GetValue(noFineTune),
                FromScratch = !parse.GetValue(noScratch),
                Seed = parse.GetValue(seed),
                CacheDirectory = parse.GetValue(cache),
                Backbone = parse.GetValue(backbone)!,
            };
            var reportPath = parse.GetValue(output)?.FullName;
            if (reportPath is not null && !Directory.Exists(Path.GetDirectoryName(reportPath)))
                throw new MentorException($"{reportPath}: its folder does not exist; create it or choose another path for -o.");
            var runner = new ComparisonRunner(options);
            var result = await ProgressBars.RunTrainingAsync(context.Status, context.Error,
                progress => runner.RunAsync(parse.GetValue(dataset)!.FullName, progress, cancellation)).ConfigureAwait(false);
            if (reportPath is not null) Cli.Reports.ReportWriter.WriteComparison(result, reportPath);
            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOutput.Options)).ConfigureAwait(false);
            else Render(context.Console, result, reportPath);
            return MentorApp.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, ComparisonResult result, string? reportPath)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("method");
        var shots = result.Methods.SelectMany(m => m.Shots.Select(s => s.Shots)).Distinct().OrderBy(s => s ?? int.MaxValue).ToList();
        foreach (var shot in shots) table.AddColumn(new TableColumn(shot?.ToString(CultureInfo.InvariantCulture) ?? "all").RightAligned());
        foreach (var method in result.Methods)
        {
            var cells = shots.Select(s => method.Shots.FirstOrDefault(r => r.Shots == s) is { } runs
                ? FormattableString.Invariant($"{runs.MeanAccuracy:F3} ({runs.MeanSeconds:F0} s)") : "-");
            table.AddRow([Markup.Escape(method.Method), .. cells]);
        }
        table.Caption(FormattableString.Invariant($"test accuracy (training seconds) by examples per class; {result.TestImages} test photos"));
        console.Write(table);
        var claims = result.Claims;
        if (claims.ScratchAccuracy is { } scratch)
        {
            console.MarkupLine(FormattableString.Invariant($"Strongest from-scratch baseline ({Markup.Escape(claims.Baseline!)}) with all {result.TrainImages} photos: [bold]{scratch:F3}[/] in {claims.ScratchSeconds:F0} s."));
            console.MarkupLine(claims.ShotsToMatch is not { } match ? "No transfer run reached it."
                : claims.MatchNeedsAllData
                    ? FormattableString.Invariant($"Transfer learning matched it only with all the data ({match} per class, {Markup.Escape(claims.MatchingMethod!)}), in {claims.TransferSeconds:F1} s: [bold]{claims.TimeRatio:F0}x[/] less training time, no less data.")
                    : FormattableString.Invariant($"Transfer learning matched it with [bold]{match}[/] example(s) per class ({Markup.Escape(claims.MatchingMethod!)}), in {claims.TransferSeconds:F1} s: [bold]{claims.TimeRatio:F0}x[/] less training time."));
        }
        if (reportPath is not null) console.MarkupLine($"Report: {Markup.Escape(reportPath)}");
    }

    internal static bool TryParseShots(string? text, out IReadOnlyList<int?> shots)
    {
        var list = new List<int?>();
        shots = list;
        if (string.IsNullOrWhiteSpace(text)) return false;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Equals("all", StringComparison.OrdinalIgnoreCase)) list.Add(null);
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) list.Add(n);
            else return false;
        }
        shots = list.Distinct().OrderBy(s => s ?? int.MaxValue).ToList();
        return list.Count > 0;
    }
}
