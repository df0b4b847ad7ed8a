using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Mentor.Backbones;
using Mentor.Cli.Benchmarking;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor bench [--data &lt;dir&gt;] [--json]</c>: decode, backbone, cold and warm end-to-end throughput in one run.</summary>
internal static class BenchCommand
{
    private static readonly int[] BatchSizes = [1, 4, 8, 16, 32];

    public static Command Create(CommandContext context)
    {
        var data = new Option<DirectoryInfo?>("--data") { Description = "Image folder for the decode and end-to-end figures (dir/<label>/*.jpg)" };
        var backboneName = new Option<string>("--backbone") { Description = "Backbone to measure", DefaultValueFactory = _ => BackboneRegistry.DefaultName };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per batch size for the raw backbone figure", DefaultValueFactory = _ => 4 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("bench", "Measure images/s: decoding, the raw backbone, and cold/warm extraction of a dataset") { data, backboneName, seconds, json };
        command.SetAction(async (parse, cancellation) =>
        {
            var dataset = parse.GetValue(data) is { } folder ? ImageFolderDataset.Open(folder.FullName) : null;
            using var backbone = Backbone.Load(parse.GetValue(backboneName)!);
            var report = new BenchReport { Backbone = backbone.Spec.Name, Cores = Environment.ProcessorCount };

            var perBatch = new Dictionary<int, double>();
            foreach (var batch in BatchSizes)
                perBatch[batch] = Math.Round(ThroughputMeter.BackboneImagesPerSecond(backbone, batch, parse.GetValue(seconds), cancellation), 1);
            var best = perBatch.MaxBy(p => p.Value);
            report.BackboneImagesPerSecond = best.Value;
            report.BestBatchSize = best.Key;
            report.BackboneByBatchSize = perBatch.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value);

            if (dataset is not null)
            {
                var paths = dataset.Images.Select(i => i.Path).ToList();
                report.Images = paths.Count;
                report.DecodeImagesPerSecond = Math.Round(ThroughputMeter.DecodeImagesPerSecond(paths.Take(512).ToList(), backbone.Preprocessing, cancellation), 1);
                var (cold, warm) = await ProgressBars.RunAsync(context.Status, "cold extraction", paths.Count,
                    progress => ThroughputMeter.ColdAndWarmAsync(backbone, dataset, best.Key, progress, cancellation)).ConfigureAwait(false);
                report.EndToEndImagesPerSecond = Math.Round(cold.ImagesPerSecond, 1);
                report.EndToEndSeconds = Math.Round(cold.Elapsed.TotalSeconds, 2);
                report.WarmImagesPerSecond = Math.Round(warm.ImagesPerSecond, 1);
                report.WarmSeconds = Math.Round(warm.Elapsed.TotalSeconds, 3);
                report.EndToEndShareOfBackbone = Math.Round(cold.ImagesPerSecond / best.Value, 3);
                report.Skipped = cold.Skipped.Count;
            }
            report.PeakResidentMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0);

            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options)).ConfigureAwait(false);
            else report.Render(context.Console);
            return MentorApp.Ok;
        });
        return command;
    }
}
