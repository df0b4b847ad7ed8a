using System.CommandLine;
using System.Text.Json;
using Mentor.Features;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>mentor cache verify [--repair]</c> and <c>mentor cache prune --max-size SIZE</c>: check the feature cache after a
/// crash or a full disk, and keep it under a size.
/// </summary>
internal static class CacheCommand
{
    public static Command Create(CommandContext context)
    {
        var command = new Command("cache", "Check the feature cache, repair it, or trim it to a size");
        command.Add(Verify(context));
        command.Add(Prune(context));
        return command;
    }

    private static Command Verify(CommandContext context)
    {
        var (cache, json) = (CacheOption(), JsonOption());
        var repair = new Option<bool>("--repair") { Description = "Delete damaged entries and temporary files left by interrupted runs" };
        var command = new Command("verify", "Read every cache file: count entries and size, list damaged entries and leftovers of interrupted writes")
        {
            cache, repair, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var check = Open(parse, cache).Verify(parse.GetValue(repair), cancellation);
            if (parse.GetValue(json))
                await context.Out.WriteLineAsync(JsonSerializer.Serialize(new
                {
                    check.Directory, check.Entries, check.EntryBytes, check.Namespaces, check.Damaged, check.Leftovers,
                    check.OtherFiles, check.OtherBytes, check.Removed, check.TotalBytes, check.Consistent,
                }, JsonOutput.Options)).ConfigureAwait(false);
            else
            {
                await context.Out.WriteLineAsync(
                    $"{check.Directory}: {check.Entries} feature vectors in {check.Namespaces} backbone namespace(s), {ByteSize.Format(check.EntryBytes)}; "
                    + $"{check.OtherFiles} prepared backbone file(s), {ByteSize.Format(check.OtherBytes)}.").ConfigureAwait(false);
                foreach (var path in check.Damaged) await context.Out.WriteLineAsync($"damaged: {path}").ConfigureAwait(false);
                foreach (var path in check.Leftovers) await context.Out.WriteLineAsync($"leftover: {path}").ConfigureAwait(false);
                if (check.Removed > 0) await context.Out.WriteLineAsync($"removed {check.Removed} file(s).").ConfigureAwait(false);
            }
            if (check.Consistent) return MentorApp.Ok;
            await context.Error.WriteLineAsync(
                $"mentor: {check.Directory}: {check.Damaged.Count} damaged entr(y/ies) and {check.Leftovers.Count} leftover file(s) (they read as misses, never as features); run 'mentor cache verify --repair' to delete them.")
                .ConfigureAwait(false);
            return MentorApp.UserError;
        });
        return command;
    }

    private static Command Prune(CommandContext context)
    {
        var (cache, json) = (CacheOption(), JsonOption());
        var maxSize = new Option<string>("--max-size") { Description = "Largest size to keep, e.g. 500MB or 2GB (least recently used files go first)", Required = true };
        maxSize.Validators.Add(r =>
        {
            if (!ByteSize.TryParse(r.GetValueOrDefault<string>(), out _)) r.AddError("--max-size takes a size such as 500MB, 2GB or 1048576.");
        });
        var command = new Command("prune", "Delete the least recently used cache files until the cache fits in a size") { cache, maxSize, json };
        command.SetAction(async (parse, cancellation) =>
        {
            ByteSize.TryParse(parse.GetValue(maxSize), out var limit);
            var pruned = Open(parse, cache).Prune(limit, cancellation);
            if (parse.GetValue(json)) await context.Out.WriteLineAsync(JsonSerializer.Serialize(pruned, JsonOutput.Options)).ConfigureAwait(false);
            else
                await context.Out.WriteLineAsync(
                    $"removed {pruned.RemovedFiles} file(s), {ByteSize.Format(pruned.RemovedBytes)}; kept {pruned.KeptFiles}, {ByteSize.Format(pruned.KeptBytes)}.").ConfigureAwait(false);
            return MentorApp.Ok;
        });
        return command;
    }

    private static Option<string?> CacheOption() => new("--cache") { Description = "Cache folder (default: $MENTOR_CACHE, else the user's cache folder)" };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object" };

    private static FeatureCache Open(ParseResult parse, Option<string?> cache) => new(parse.GetValue(cache) ?? MentorPaths.DefaultCacheDirectory);
}
