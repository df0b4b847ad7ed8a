using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Mentor.Backbones;
using Mentor.Cli.Benchmarking;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Mentor.Quantization;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor bench [--data &lt;dir&gt;] [--int8] [--json]</c>: decode, backbone, cold and warm end-to-end throughput in one run;
/// with --int8, the int8 backbone measured beside the fp32 one (calibrated on the --data photos).
/// </summary>
internal static class BenchCommand
{
    private static readonly int[] BatchSizes = [1, 4, 8, 16, 32];

    public static Command Create(CommandContext context)
    {
        var data = new Option<DirectoryInfo?>("--data") { Description = "Image folder for the decode and end-to-end figures (dir/<label>/*.jpg)" };
        var backboneName = new Option<string>("--backbone") { Description = "Backbone to measure: a built-in name, a spec .json or an .onnx file", DefaultValueFactory = _ => BackboneRegistry.DefaultName };
        var seconds = new Option<double>("--seconds") { Description = "Seconds per batch size for the raw backbone figure", DefaultValueFactory = _ => 4 };
        var int8 = new Option<bool>("--int8") { Description = "Also measure the int8 backbone, calibrated on the --data photos" };
        var cache = new Option<string?>("--cache") { Description = "Cache folder for prepared and quantised backbones (features are measured in a fresh temporary cache)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("bench", "Measure images/s: decoding, the raw backbone, and cold/warm extraction of a dataset") { data, backboneName, seconds, int8, cache, json };
        command.Validators.Add(r =>
        {
            if (r.GetValue(int8) && r.GetValue(data) is null) r.AddError("--int8 needs --data <dir>: its photos calibrate the int8 backbone.");
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var dataset = parse.GetValue(data) is { } folder ? ImageFolderDataset.Open(folder.FullName) : null;
            var options = BackboneOptions.Default with { CacheDirectory = parse.GetValue(cache) };
            var resolved = BackboneResolver.Resolve(parse.GetValue(backboneName)!);
            foreach (var assumption in resolved.Assumptions) await context.Error.WriteLineAsync($"mentor: {resolved.Spec.Name}: {assumption}.").ConfigureAwait(false);
            using var backbone = Backbone.Load(resolved.Spec, options);
            var calibration = parse.GetValue(int8) ? CalibrationSet.Sample(dataset!.Images.Select(i => i.Path)) : null;
            using var quantized = calibration is null ? null : Backbone.Load(resolved.Spec, options with { Int8 = true, Calibration = calibration });
            var report = new BenchReport { Backbone = backbone.Spec.Name, Cpu = CpuModel.Describe(), Cores = Environment.ProcessorCount, Int8CalibrationPhotos = calibration?.Photos.Count };

            // fp32 and int8 alternate per batch size, so that a change in the machine's load affects both alike.
            var perBatch = new Dictionary<int, double>();
            var int8PerBatch = new Dictionary<int, double>();
            foreach (var batch in BatchSizes)
            {
                perBatch[batch] = Math.Round(ThroughputMeter.BackboneImagesPerSecond(backbone, batch, parse.GetValue(seconds), cancellation), 1);
                if (quantized is not null)
                    int8PerBatch[batch] = Math.Round(ThroughputMeter.BackboneImagesPerSecond(quantized, batch, parse.GetValue(seconds), cancellation), 1);
            }
            var best = perBatch.MaxBy(p => p.Value);
            report.BackboneImagesPerSecond = best.Value;
            report.BestBatchSize = best.Key;
            report.BackboneByBatchSize = ByBatch(perBatch);
            if (quantized is not null)
            {
                var int8Best = int8PerBatch.MaxBy(p => p.Value);
                report.Int8BackboneImagesPerSecond = int8Best.Value;
                report.Int8BestBatchSize = int8Best.Key;
                report.Int8BackboneByBatchSize = ByBatch(int8PerBatch);
                report.Int8Speedup = Math.Round(int8Best.Value / best.Value, 2);
            }

            if (dataset is not null)
            {
                var paths = dataset.Images.Select(i => i.Path).ToList();
                report.Images = paths.Count;
                report.DecodeImagesPerSecond = Math.Round(ThroughputMeter.DecodeImagesPerSecond(paths.Take(500).ToList(), backbone.Preprocessing, cancellation), 1);
                var (cold, warm) = await ProgressBars.RunAsync(context.Status, "cold extraction", paths.Count,
                    progress => ThroughputMeter.ColdAndWarmAsync(backbone, dataset, best.Key, progress, cancellation)).ConfigureAwait(false);
                report.EndToEndImagesPerSecond = Math.Round(cold.ImagesPerSecond, 1);
                report.EndToEndSeconds = Math.Round(cold.Elapsed.TotalSeconds, 2);
                report.WarmImagesPerSecond = Math.Round(warm.ImagesPerSecond, 1);
                report.WarmSeconds = Math.Round(warm.Elapsed.TotalSeconds, 3);
                report.EndToEndShareOfBackbone = Math.Round(cold.ImagesPerSecond / best.Value, 3);
                report.Skipped = cold.Skipped.Count;
                if (quantized is not null)
                {
                    var (int8Cold, int8Warm) = await ProgressBars.RunAsync(context.Status, "int8 cold extraction", paths.Count,
                        progress => ThroughputMeter.ColdAndWarmAsync(quantized, dataset, report.Int8BestBatchSize!.Value, progress, cancellation)).ConfigureAwait(false);
                    report.Int8EndToEndImagesPerSecond = Math.Round(int8Cold.ImagesPerSecond, 1);
                    report.Int8EndToEndSeconds = Math.Round(int8Cold.Elapsed.TotalSeconds, 2);
                    report.Int8EndToEndSpeedup = Math.Round(int8Cold.ImagesPerSecond / cold.ImagesPerSecond, 2);
                    report.Int8WarmImagesPerSecond = Math.Round(int8Warm.ImagesPerSecond, 1);
                }
            }
            report.PeakResidentMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0);

            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options)).ConfigureAwait(false);
            else report.Render(context.Console);
            return MentorApp.Ok;
        });
        return command;
    }

    private static Dictionary<string, double> ByBatch(Dictionary<int, double> perBatch) =>
        perBatch.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value);
}
