using System.CommandLine;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Mentor.Features;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor extract &lt;dir&gt; [-o features.parquet]</c>: backbone features of an image folder, cached, optionally written to Parquet.</summary>
internal static class ExtractCommand
{
    public static Command Create(CommandContext context)
    {
        var common = new CommonOptions();
        var folder = new Argument<DirectoryInfo>("dir") { Description = "Image folder: one sub-folder per class (dir/<label>/*.jpg), or a path,label list (.csv/.tsv)" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write path, label and features of every image to this Parquet file (with --shard: the folder of shard files)" };
        var sharding = new ShardOptionSet();
        var calibration = new Option<DirectoryInfo?>("--calibration") { Description = "With --int8: calibrate on these photos instead of <dir>'s (e.g. the training folder when extracting a test folder)" };
        var command = new Command("extract", "Run a folder of labelled images through the backbone and cache the features") { folder, output, calibration };
        common.AddTo(command);
        sharding.AddTo(command, output);
        command.SetAction(async (parse, cancellation) =>
        {
            var dataset = ImageFolderDataset.Open(parse.GetValue(folder)!.FullName);
            var calibrationPhotos = parse.GetValue(calibration) is { } calibrationFolder
                ? ImageFolderDataset.Open(calibrationFolder.FullName, minimumClasses: 1).Images.Select(i => i.Path)
                : dataset.Images.Select(i => i.Path);
            using var backbone = common.LoadBackbone(parse, context.Error, calibrationPhotos);
            var extractor = new FeatureExtractor(backbone, common.OpenCache(parse), common.ExtractionOptions(parse));
            if (sharding.Read(parse) is { } shard)
                return await ShardedExtraction.RunAsync(context, parse, common, extractor, backbone.Spec.Name, dataset, shard, parse.GetValue(output)!.FullName, cancellation).ConfigureAwait(false);
            var features = await ProgressBars.RunAsync(context.Status, "extracting", dataset.Images.Count,
                progress => extractor.ExtractAsync(dataset, parse.GetValue(common.Strict), progress, cancellation)).ConfigureAwait(false);

            var outputPath = parse.GetValue(output)?.FullName;
            if (outputPath is not null)
            {
                var metadata = new Dictionary<string, string>
                {
                    ["mentor.backbone"] = backbone.Identity,
                    ["mentor.preprocessing"] = backbone.Preprocessing.Id,
                    ["mentor.labels"] = JsonSerializer.Serialize(dataset.Labels),
                };
                await ParquetFeatureWriter.WriteAsync(outputPath, features, metadata, cancellation).ConfigureAwait(false);
            }
            var summary = ExtractionSummary.From(dataset, features, backbone.Spec.Name, outputPath);
            if (parse.GetValue(common.Json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOutput.Options)).ConfigureAwait(false);
            else summary.Render(context.Console);
            return MentorApp.Ok;
        });
        return command;
    }
}
