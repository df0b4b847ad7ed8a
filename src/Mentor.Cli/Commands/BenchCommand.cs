using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Mentor.Backbones;
using Mentor.Cli.Benchmarking;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Mentor.Features;
using Mentor.Imaging;
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
            var report = new BenchReport { Backbone = backbone.Spec.Name, Cpu = CpuModel.Describe(), JpegDecoder = ImageDecoder.JpegDecoder, Cores = Environment.ProcessorCount, Int8CalibrationPhotos = calibration?.Photos.Count };

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
                report.DecodeCoreMillisecondsPerPhoto = Math.Round(report.Cores * 1000 / report.DecodeImagesPerSecond.Value, 2);
                var fp32 = await MeasureExtractionAsync(backbone, best.Key, "cold extraction").ConfigureAwait(false);
                report.EndToEndImagesPerSecond = Math.Round(fp32.Cold.ImagesPerSecond, 1);
                report.EndToEndSeconds = Math.Round(fp32.Cold.Elapsed.TotalSeconds, 2);
                report.WarmImagesPerSecond = Math.Round(fp32.Warm.ImagesPerSecond, 1);
                report.WarmSeconds = Math.Round(fp32.Warm.Elapsed.TotalSeconds, 3);
                report.BackboneAroundExtractionImagesPerSecond = Math.Round(fp32.RawAround, 1);
                report.BackboneBeforeAndAfterExtraction = fp32.BeforeAndAfter;
                report.EndToEndShareOfBackbone = Math.Round(fp32.Cold.ImagesPerSecond / fp32.RawAround, 3);
                report.EndToEndShareOfBestBackbone = Math.Round(fp32.Cold.ImagesPerSecond / best.Value, 3);
                report.EndToEndCeiling = Ceiling(fp32.RawAround, report);
                report.Skipped = fp32.Cold.Skipped.Count;
                if (quantized is not null)
                {
                    var int8 = await MeasureExtractionAsync(quantized, report.Int8BestBatchSize!.Value, "int8 cold extraction").ConfigureAwait(false);
                    report.Int8EndToEndImagesPerSecond = Math.Round(int8.Cold.ImagesPerSecond, 1);
                    report.Int8EndToEndSeconds = Math.Round(int8.Cold.Elapsed.TotalSeconds, 2);
                    report.Int8EndToEndSpeedup = Math.Round(int8.Cold.ImagesPerSecond / fp32.Cold.ImagesPerSecond, 2);
                    report.Int8WarmImagesPerSecond = Math.Round(int8.Warm.ImagesPerSecond, 1);
                    report.Int8BackboneAroundExtractionImagesPerSecond = Math.Round(int8.RawAround, 1);
                    report.Int8BackboneBeforeAndAfterExtraction = int8.BeforeAndAfter;
                    report.Int8EndToEndShareOfBackbone = Math.Round(int8.Cold.ImagesPerSecond / int8.RawAround, 3);
                    report.Int8EndToEndShareOfBestBackbone = Math.Round(int8.Cold.ImagesPerSecond / report.Int8BackboneImagesPerSecond!.Value, 3);
                    report.Int8EndToEndCeiling = Ceiling(int8.RawAround, report);
                }

                // Cold and warm extraction at one batch size, with the raw backbone at that batch measured just before and just after.
                async Task<(ExtractionResult Cold, ExtractionResult Warm, double RawAround, double[] BeforeAndAfter)> MeasureExtractionAsync(Backbone measured, int batch, string title)
                {
                    var before = ThroughputMeter.BackboneImagesPerSecond(measured, batch, parse.GetValue(seconds), cancellation);
                    var (cold, warm) = await ProgressBars.RunAsync(context.Status, title, paths.Count,
                        progress => ThroughputMeter.ColdAndWarmAsync(measured, dataset, batch, progress, cancellation)).ConfigureAwait(false);
                    var after = ThroughputMeter.BackboneImagesPerSecond(measured, batch, parse.GetValue(seconds), cancellation);
                    return (cold, warm, (before + after) / 2, [Math.Round(before, 1), Math.Round(after, 1)]);
                }
            }
            report.PeakResidentMegabytes = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0);

            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options)).ConfigureAwait(false);
            else report.Render(context.Console);
            return MentorApp.Ok;
        });
        return command;
    }

    // Backbone core-ms per photo against that plus preparation's: the share end to end reaches with every core always busy.
    private static double Ceiling(double backboneImagesPerSecond, BenchReport report)
    {
        var backbone = report.Cores * 1000 / backboneImagesPerSecond;
        return Math.Round(backbone / (backbone + report.DecodeCoreMillisecondsPerPhoto!.Value), 3);
    }

    private static Dictionary<string, double> ByBatch(Dictionary<int, double> perBatch) =>
        perBatch.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value);
}
