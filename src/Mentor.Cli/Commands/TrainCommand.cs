using System.CommandLine;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Training;
using Mentor.Training.Heads;
using Mentor.Training.Sharding;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor train &lt;train-dir&gt; [--val &lt;dir&gt; | --val-fraction F] [--test &lt;dir&gt;] [--head logistic|knn|mlp] [--seed N] -o model.onnx [--json]</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(CommandContext context)
    {
        var common = new CommonOptions();
        var fineTune = new FineTuneOptionSet();
        var trainDir = new Argument<DirectoryInfo?>("train-dir") { Description = "Training images: one sub-folder per class (dir/<label>/*.jpg), or a path,label list (.csv/.tsv)", Arity = ArgumentArity.ZeroOrOne };
        var features = new Option<string?>("--features") { Description = "Instead of <train-dir>: train on feature shards written by 'extract --shard' (a folder or a glob); no training image is read" };
        var val = new Option<DirectoryInfo?>("--val") { Description = "Validation folder or feature shards (chooses the head's settings; reported)" };
        var valFraction = new Option<double>("--val-fraction") { Description = "Without --val: share of each class held out for validation (0: cross-validate instead)" };
        var test = new Option<DirectoryInfo?>("--test") { Description = "Test folder or feature shards, only measured" };
        var testFraction = new Option<double>("--test-fraction") { Description = "Without --test: share of each class held out as a test set, only measured" };
        var head = new Option<string>("--head")
        {
            Description = "Head kind: " + string.Join("; ", HeadRegistry.All.Select(k => $"{k.Name}: {k.Description}")),
            DefaultValueFactory = _ => HeadRegistry.DefaultName,
        };
        head.CompletionSources.Add([.. HeadRegistry.Names]);
        head.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } kind && !HeadRegistry.Names.Contains(kind))
                r.AddError($"--head: '{kind}' is not a head kind; use one of {string.Join(", ", HeadRegistry.Names)}.");
        });
        var seed = new Option<int>("--seed") { Description = "Seed for splits, cross-validation and fine-tuning", DefaultValueFactory = _ => 42 };
        var splitSeed = new Option<int?>("--split-seed") { Description = "Seed for the test and validation splits only (default: --seed): vary --seed over the same split" };
        var transform = new Option<Models.FeatureTransform>("--transform") { Description = "Feature transform before the head: sqrt (default) or none", DefaultValueFactory = _ => Models.FeatureTransform.Sqrt };
        var balance = new Option<bool>("--balance") { Description = "Class-balanced weights for skewed datasets" };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Model file to write (.onnx)", Required = true };
        var htmlReport = new Option<FileInfo?>("--report") { Description = "Also write an HTML report (confusion matrix, per-class F1, mistakes, training curves)" };
        valFraction.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or >= 0.9) r.AddError("--val-fraction must be at least 0 and below 0.9."); });
        testFraction.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or >= 0.9) r.AddError("--test-fraction must be at least 0 and below 0.9."); });
        var command = new Command("train", "Train a classifier on backbone features and write it as one ONNX file")
        {
            trainDir, features, val, valFraction, test, testFraction, head, transform, seed, splitSeed, balance, output, htmlReport,
        };
        common.AddTo(command);
        fineTune.AddTo(command);
        command.Validators.Add(r =>
        {
            if (r.GetValue(val) is not null && r.GetValue(valFraction) > 0) r.AddError("use either --val or --val-fraction, not both.");
            if (r.GetValue(test) is not null && r.GetValue(testFraction) > 0) r.AddError("use either --test or --test-fraction, not both.");
            if ((r.GetValue(trainDir) is null) == (r.GetValue(features) is null)) r.AddError("pass either <train-dir> or --features <shards>, exactly one of them.");
        });
        command.SetAction(async (parse, cancellation) =>
        {
            common.ResolveBackbone(parse, context.Error);
            var options = new ClassifierTrainingOptions
            {
                Backbone = parse.GetValue(common.Backbone)!,
                Head = parse.GetValue(head)!,
                Seed = parse.GetValue(seed),
                SplitSeed = parse.GetValue(splitSeed),
                ValidationFraction = parse.GetValue(valFraction),
                TestFraction = parse.GetValue(testFraction),
                Balance = parse.GetValue(balance),
                Transform = parse.GetValue(transform),
                Strict = parse.GetValue(common.Strict),
                CacheDirectory = parse.GetValue(common.Cache),
                UseCache = !parse.GetValue(common.NoCache),
                Resize = parse.GetValue(common.Resize) is { } resize ? Imaging.ResizeRule.Parse(resize) : null,
                BatchSize = parse.GetValue(common.BatchSize),
                Int8 = parse.GetValue(common.Int8),
                FineTune = fineTune.Read(parse),
            };
            var modelPath = parse.GetValue(output)!.FullName;
            var trainer = new ClassifierTrainer(options);
            var trained = await ProgressBars.RunTrainingAsync(context.Status, context.Error, progress => parse.GetValue(features) is { } shards
                ? trainer.FitShardsAsync(shards, parse.GetValue(val)?.FullName, parse.GetValue(test)?.FullName, progress, cancellation)
                : trainer.FitAsync(parse.GetValue(trainDir)!.FullName, parse.GetValue(val)?.FullName, parse.GetValue(test)?.FullName, progress, cancellation)).ConfigureAwait(false);
            trained.Save(modelPath);
            if (parse.GetValue(htmlReport)?.FullName is { } reportPath) Reports.ReportWriter.WriteTraining(trained, modelPath, reportPath);

            // A fine-tuned model is checked once written: the file must answer as the trained network did.
            double? agreement = trained.FineTuned is not null && trained.Test is { Paths: { } paths, Probabilities: { } probabilities }
                ? await ExportCheck.TopOneAgreementAsync(modelPath, paths, probabilities, cancellation).ConfigureAwait(false)
                : null;
            var report = TrainingReport.From(trained, modelPath, agreement);
            if (parse.GetValue(common.Json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options)).ConfigureAwait(false);
            else report.Render(context.Console, trained);
            return MentorApp.Ok;
        });
        return command;
    }
}
