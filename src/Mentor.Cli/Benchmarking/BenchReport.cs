using Spectre.Console;

namespace Mentor.Cli.Benchmarking;

/// <summary>The figures of one <c>mentor bench</c> run (null: not measured, e.g. no --data).</summary>
internal sealed class BenchReport
{
    public string Backbone { get; set; } = "";
    public int Cores { get; set; }
    public int? Images { get; set; }
    public double? DecodeImagesPerSecond { get; set; }
    public double BackboneImagesPerSecond { get; set; }
    public int BestBatchSize { get; set; }
    public Dictionary<string, double> BackboneByBatchSize { get; set; } = [];
    public double? EndToEndImagesPerSecond { get; set; }
    public double? EndToEndSeconds { get; set; }
    public double? EndToEndShareOfBackbone { get; set; }
    public double? WarmImagesPerSecond { get; set; }
    public double? WarmSeconds { get; set; }
    public int? Skipped { get; set; }
    public double PeakResidentMegabytes { get; set; }

    public void Render(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Measure", "Images/s", "Notes");
        table.AddRow("Decode + resize", Format(DecodeImagesPerSecond), $"{Cores} threads, files in memory");
        foreach (var (batch, speed) in BackboneByBatchSize)
            table.AddRow($"Backbone, batch {batch}", Format(speed), batch == BestBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "[green]best[/]" : "");
        table.AddRow("End to end, cold cache", Format(EndToEndImagesPerSecond),
            EndToEndSeconds is null ? "needs --data" : $"{Images} images in {EndToEndSeconds:F1} s, {EndToEndShareOfBackbone:P0} of the backbone");
        table.AddRow("End to end, warm cache", Format(WarmImagesPerSecond), WarmSeconds is null ? "needs --data" : $"{WarmSeconds:F2} s");
        console.Write(table);
        console.MarkupLine($"Backbone [bold]{Backbone}[/], peak resident memory {PeakResidentMegabytes:F0} MB");
    }

    private static string Format(double? value) => value is null ? "-" : $"{value:F1}";
}
