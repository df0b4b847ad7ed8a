using Mentor.Features;
using Mentor.Sharding;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>What <c>extract --shard</c> did, as a table or JSON.</summary>
internal sealed record ShardSummary(string Backbone, string Shard, string Output, int Images, int Rows, bool AlreadyDone, int CacheHits, int Computed, double Seconds, IReadOnlyList<SkippedFile> Skipped)
{
    public static ShardSummary From(ShardOutcome outcome, string backbone) => new(
        backbone, outcome.Shard.ToString(), outcome.Path, outcome.Images, outcome.Rows, outcome.Skipped,
        outcome.Extraction?.CacheHits ?? 0, outcome.Extraction?.Computed ?? 0, Math.Round(outcome.Extraction?.Elapsed.TotalSeconds ?? 0, 3), outcome.Unusable);

    public void Render(IAnsiConsole console)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumns("", "");
        table.AddRow("Backbone", Markup.Escape(Backbone));
        table.AddRow("Shard", $"{Shard}{(AlreadyDone ? " [grey](already done: output exists and matches)[/]" : "")}");
        table.AddRow("Images", $"{Images}");
        table.AddRow("Rows written", $"{Rows}");
        table.AddRow("Cache hits", $"{CacheHits}");
        table.AddRow("Computed", $"{Computed}");
        table.AddRow("Seconds", $"{Seconds:F2}");
        table.AddRow("Output", Markup.Escape(Output));
        console.Write(table);
        ExtractionSummary.RenderSkipped(console, Skipped);
    }
}
