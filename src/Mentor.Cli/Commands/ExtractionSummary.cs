using Mentor.Data;
using Mentor.Features;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>What an extraction did, as printed by <c>extract</c> (table or JSON).</summary>
internal sealed record ExtractionSummary(
    string Backbone,
    int Images,
    int Classes,
    IReadOnlyList<string> Labels,
    int CacheHits,
    int Computed,
    double Seconds,
    double ImagesPerSecond,
    IReadOnlyList<SkippedFile> Skipped,
    string? Output)
{
    public static ExtractionSummary From(ImageFolderDataset dataset, DatasetFeatures features, string backbone, string? output)
    {
        var run = features.Extraction;
        return new ExtractionSummary(backbone, features.Count, dataset.Labels.Count, dataset.Labels, run.CacheHits, run.Computed,
            Math.Round(run.Elapsed.TotalSeconds, 3), Math.Round(run.ImagesPerSecond, 1), run.Skipped, output);
    }

    public void Render(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "");
        table.AddRow("Backbone", Backbone);
        table.AddRow("Images", $"{Images}");
        table.AddRow("Classes", $"{Classes} ({Markup.Escape(string.Join(", ", Labels))})");
        table.AddRow("Cache hits", $"{CacheHits}");
        table.AddRow("Computed", $"{Computed}");
        table.AddRow("Skipped", Skipped.Count == 0 ? "0" : $"[yellow]{Skipped.Count}[/]");
        table.AddRow("Seconds", $"{Seconds:F2}");
        table.AddRow("Images/s", $"{ImagesPerSecond:F1}");
        table.AddRow("Output", Output is null ? "[grey](features cached; pass -o file.parquet to write them)[/]" : Markup.Escape(Output));
        console.Write(table);
        RenderSkipped(console, Skipped);
    }

    public static void RenderSkipped(IAnsiConsole console, IReadOnlyList<SkippedFile> skipped, int shown = 20)
    {
        if (skipped.Count == 0) return;
        console.MarkupLine($"[yellow]Skipped {skipped.Count} file(s):[/]");
        // Written as they are, not through the console's wrapping: one line per file, however long its path and reason.
        foreach (var file in skipped.Take(shown))
            console.Profile.Out.Writer.WriteLine($"  {file.Path}: {file.Reason}");
        if (skipped.Count > shown) console.MarkupLine($"  ... and {skipped.Count - shown} more (see --json for all)");
    }
}
