using Spectre.Console;

namespace Mentor.Cli.Benchmarking;

/// <summary>The figures of one <c>mentor bench</c> run (null: not measured, e.g. no --data).</summary>
internal sealed class BenchReport
{
    public string Backbone { get; set; } = "";
    public string Cpu { get; set; } = "";

    /// <summary>Which library decoded the JPEGs (the system's libjpeg-turbo decodes about twice as fast as SkiaSharp's).</summary>
    public string JpegDecoder { get; set; } = "";
    public int Cores { get; set; }
    public int? Images { get; set; }
    public double? DecodeImagesPerSecond { get; set; }

    /// <summary>Core-milliseconds one photo's preparation costs (decode, resize, tensor): cores / decode images/s.</summary>
    public double? DecodeCoreMillisecondsPerPhoto { get; set; }
    public double BackboneImagesPerSecond { get; set; }
    public int BestBatchSize { get; set; }
    public Dictionary<string, double> BackboneByBatchSize { get; set; } = [];
    public double? EndToEndImagesPerSecond { get; set; }
    public double? EndToEndSeconds { get; set; }

    /// <summary>
    /// The raw backbone at the extraction's batch size, measured just before and just after it (the mean): the reference
    /// for <see cref="EndToEndShareOfBackbone"/>. The best of all batch sizes is biased upward (the largest of several
    /// noisy windows) and was measured minutes earlier.
    /// </summary>
    public double? BackboneAroundExtractionImagesPerSecond { get; set; }

    /// <summary>The two measurements behind <see cref="BackboneAroundExtractionImagesPerSecond"/>.</summary>
    public double[]? BackboneBeforeAndAfterExtraction { get; set; }

    /// <summary>End to end / <see cref="BackboneAroundExtractionImagesPerSecond"/>.</summary>
    public double? EndToEndShareOfBackbone { get; set; }

    /// <summary>End to end / <see cref="BackboneImagesPerSecond"/> (the best batch size's window).</summary>
    public double? EndToEndShareOfBestBackbone { get; set; }

    /// <summary>
    /// The most end to end can reach when preparing and the backbone share the cores and every core is always busy:
    /// backbone core-ms / (backbone core-ms + preparation core-ms) per photo.
    /// </summary>
    public double? EndToEndCeiling { get; set; }
    public double? WarmImagesPerSecond { get; set; }
    public double? WarmSeconds { get; set; }
    public int? Skipped { get; set; }

    /// <summary>With --int8: the int8 backbone measured in the same run (best batch, per batch, cold end to end).</summary>
    public double? Int8BackboneImagesPerSecond { get; set; }
    public int? Int8BestBatchSize { get; set; }
    public Dictionary<string, double>? Int8BackboneByBatchSize { get; set; }
    public double? Int8Speedup { get; set; }
    public double? Int8EndToEndImagesPerSecond { get; set; }
    public double? Int8EndToEndSeconds { get; set; }
    public double? Int8EndToEndSpeedup { get; set; }
    public double? Int8BackboneAroundExtractionImagesPerSecond { get; set; }
    public double[]? Int8BackboneBeforeAndAfterExtraction { get; set; }
    public double? Int8EndToEndShareOfBackbone { get; set; }
    public double? Int8EndToEndShareOfBestBackbone { get; set; }
    public double? Int8EndToEndCeiling { get; set; }
    public double? Int8WarmImagesPerSecond { get; set; }
    public int? Int8CalibrationPhotos { get; set; }
    public double PeakResidentMegabytes { get; set; }

    public void Render(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Images/s", "Notes");
        table.AddRow("Decode + resize", Format(DecodeImagesPerSecond),
            DecodeImagesPerSecond is null ? "needs --data" : $"{Cores} threads, files in memory; {DecodeCoreMillisecondsPerPhoto:F2} core-ms per photo");
        foreach (var (batch, speed) in BackboneByBatchSize)
            table.AddRow($"Backbone, batch {batch}", Format(speed), batch == BestBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "[green]best[/]" : "");
        table.AddRow("End to end, cold cache", Format(EndToEndImagesPerSecond),
            EndToEndSeconds is null ? "needs --data" : $"{Images} images in {EndToEndSeconds:F1} s, {EndToEndShareOfBackbone:P0} of the backbone around it (ceiling {EndToEndCeiling:P0})");
        table.AddRow("End to end, warm cache", Format(WarmImagesPerSecond), WarmSeconds is null ? "needs --data" : $"{WarmSeconds:F2} s");
        if (Int8BackboneByBatchSize is not null)
        {
            foreach (var (batch, speed) in Int8BackboneByBatchSize)
                table.AddRow($"int8 backbone, batch {batch}", Format(speed), batch == Int8BestBatchSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ? $"[green]best, {Int8Speedup:F2}x fp32[/]" : "");
            table.AddRow("int8 end to end, cold cache", Format(Int8EndToEndImagesPerSecond),
                Int8EndToEndSeconds is null ? "needs --data" : $"{Images} images in {Int8EndToEndSeconds:F1} s, {Int8EndToEndShareOfBackbone:P0} of the int8 backbone around it (ceiling {Int8EndToEndCeiling:P0}), {Int8EndToEndSpeedup:F2}x fp32");
        }
        console.Write(table);
        console.MarkupLine($"Backbone [bold]{Markup.Escape(Backbone)}[/] on {Markup.Escape(Cpu)}, {Cores} cores; JPEGs decoded by {Markup.Escape(JpegDecoder)}; peak resident memory {PeakResidentMegabytes:F0} MB");
    }

    private static string Format(double? value) => value is null ? "-" : $"{value:F1}";
}
