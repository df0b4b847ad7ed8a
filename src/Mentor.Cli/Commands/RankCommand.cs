using Mentor.Backbones;
using System.CommandLine;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Training.Ranking;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor rank &lt;train-dir&gt; --backbones a,b,c [--val &lt;dir&gt;] [--verify] [--json]</c>: which backbone transfers best to
/// the user's photos, guessed from cached features (k-NN leave-one-out, LogME) and, with --verify, measured.
/// </summary>
internal static class RankCommand
{
    public static Command Create(CommandContext context)
    {
        var defaults = new RankingOptions();
        var common = new CommonOptions();
        var trainDir = new Argument<DirectoryInfo>("train-dir") { Description = "Training images: one sub-folder per class (dir/<label>/*.jpg)" };
        var backbones = new Option<string>("--backbones") { Description = $"Candidate backbones, comma-separated (e.g. {BackboneRegistry.DefaultName},{BackboneRegistry.DefaultName}:layer3,{BackboneRegistry.DefaultName}:layer3+layer4)", Required = true };
        var verify = new Option<bool>("--verify") { Description = "Also train the logistic head on each candidate and report how well each score predicted its validation accuracy (Kendall tau)" };
        var val = new Option<DirectoryInfo?>("--val") { Description = "With --verify: validation folder (default: hold out --val-fraction of the training photos, and score the rest)" };
        var valFraction = new Option<double>("--val-fraction") { Description = "With --verify and no --val: share of each class held out", DefaultValueFactory = _ => defaults.ValidationFraction };
        var seed = new Option<int>("--seed") { Description = "Seed for the held-out split and the head's search", DefaultValueFactory = _ => defaults.Seed };
        backbones.Validators.Add(r =>
        {
            var names = Split(r.GetValueOrDefault<string>());
            if (names.Count == 0) r.AddError("--backbones takes one or more backbone names, comma-separated.");
            foreach (var name in names)
                if (CommonOptions.BackboneError(name) is { } error) r.AddError($"--backbones: {error}");
            if (names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
                r.AddError($"--backbones: '{twice.Key}' is listed twice.");
        });
        valFraction.Validators.Add(r => { if (r.GetValueOrDefault<double>() is <= 0 or >= 0.9) r.AddError("--val-fraction must be above 0 and below 0.9."); });
        var command = new Command("rank", "Rank candidate backbones for a dataset from cached features: k-NN leave-one-out accuracy and LogME")
        {
            trainDir, backbones, verify, val, valFraction, seed, common.Cache, common.NoCache, common.BatchSize, common.Strict, common.Json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(val) is not null && !r.GetValue(verify)) r.AddError("--val is used only with --verify; add --verify or drop --val.");
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var options = defaults with
            {
                Backbones = Split(parse.GetValue(backbones)!),
                Verify = parse.GetValue(verify),
                ValidationFraction = parse.GetValue(valFraction),
                Seed = parse.GetValue(seed),
                CacheDirectory = parse.GetValue(common.Cache),
                UseCache = !parse.GetValue(common.NoCache),
                BatchSize = parse.GetValue(common.BatchSize),
                Strict = parse.GetValue(common.Strict),
            };
            var ranker = new BackboneRanker(options);
            var result = await ProgressBars.RunTrainingAsync(context.Status, context.Error,
                progress => ranker.RankAsync(parse.GetValue(trainDir)!.FullName, parse.GetValue(val)?.FullName, progress, cancellation)).ConfigureAwait(false);
            if (parse.GetValue(common.Json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOutput.Options)).ConfigureAwait(false);
            else RankingView.Render(context.Console, result);
            return MentorApp.Ok;
        });
        return command;
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
