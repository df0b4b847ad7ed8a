using System.CommandLine;
using System.Text.Json;
using Mentor.Cli.Terminal;
using Mentor.Data;
using Mentor.Features;
using Mentor.Sharding;

namespace Mentor.Cli.Commands;

/// <summary><c>extract &lt;dataset&gt; --shard K/N -o &lt;folder&gt;</c>: one shard of the dataset into its own Parquet file.</summary>
internal static class ShardedExtraction
{
    public static async Task<int> RunAsync(CommandContext context, ParseResult parse, CommonOptions common, FeatureExtractor extractor, string backboneName,
        ImageFolderDataset dataset, ShardSpec shard, string folder, CancellationToken cancellation)
    {
        var outcome = await ProgressBars.RunAsync(context.Status, $"shard {shard}", ShardPartition.Select(dataset, shard).Count,
            progress => extractor.ExtractShardAsync(dataset, shard, folder, backboneName, parse.GetValue(common.Strict), progress, cancellation)).ConfigureAwait(false);
        var summary = ShardSummary.From(outcome, backboneName);
        if (parse.GetValue(common.Json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOutput.Options)).ConfigureAwait(false);
        else summary.Render(context.Console);
        return MentorApp.Ok;
    }
}
