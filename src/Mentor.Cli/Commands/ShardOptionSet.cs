using System.CommandLine;
using System.Globalization;
using Mentor.Sharding;

namespace Mentor.Cli.Commands;

/// <summary>
/// <c>extract --shard K/N | --shard auto [--shards N]</c>: which shard this process extracts. <c>auto</c> reads a Kubernetes
/// Indexed Job's <c>JOB_COMPLETION_INDEX</c> (the count from <c>--shards</c>, the Job's completions) or a Slurm array's
/// <c>SLURM_ARRAY_TASK_ID</c> (the shard itself with <c>--shards</c>; else counted from <c>SLURM_ARRAY_TASK_MIN</c>, out of <c>SLURM_ARRAY_TASK_COUNT</c>).
/// </summary>
internal sealed class ShardOptionSet(Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Extract only shard K/N (K from 0) into the folder given by -o; 'auto': from JOB_COMPLETION_INDEX (with --shards) or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT",
    };

    public Option<int?> Shards { get; } = new("--shards") { Description = "With --shard auto: the number of shards (a Kubernetes Job's completions; under Slurm, makes the array task id the shard, so a subset can be re-run)" };

    public void AddTo(Command command, Option<FileInfo?> output)
    {
        command.Options.Add(Shard);
        command.Options.Add(Shards);
        command.Validators.Add(r =>
        {
            if (r.GetValue(Shard) is not { } text)
            {
                if (r.GetValue(Shards) is not null) r.AddError("--shards only applies with --shard auto.");
                return;
            }
            if (r.GetValue(output) is null) r.AddError("--shard needs -o <folder>: each shard writes shard-KKKKK-of-NNNNN.parquet there.");
            if (Resolve(text, r.GetValue(Shards), out var error) is null) r.AddError(error!);
        });
    }

    /// <summary>The shard asked for, or null without <c>--shard</c> (the validators have checked it resolves).</summary>
    public ShardSpec? Read(ParseResult parse) =>
        parse.GetValue(Shard) is { } text ? Resolve(text, parse.GetValue(Shards), out _) : null;

    private ShardSpec? Resolve(string text, int? shards, out string? error)
    {
        error = null;
        if (!text.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (shards is not null) error = "--shards only applies with --shard auto; write --shard K/N.";
            else if (ShardSpec.TryParse(text, out var fixedShard)) return fixedShard;
            else error = $"--shard: '{text}' is not K/N with 0 <= K < N (e.g. 3/16), nor 'auto'.";
            return null;
        }
        if (_environment("JOB_COMPLETION_INDEX") is { } index)
        {
            if (shards is not { } count) error = "--shard auto under a Kubernetes Indexed Job needs --shards N (the Job's completions).";
            else return Checked(index, "0", count.ToString(CultureInfo.InvariantCulture), "JOB_COMPLETION_INDEX", "--shards", out error);
            return null;
        }
        if (_environment("SLURM_ARRAY_TASK_ID") is { } task)
        {
            // With --shards the task id is the shard itself (--array=0-15, or --array=3,7 to re-run two shards);
            // without, the array is the whole job: shard = id - SLURM_ARRAY_TASK_MIN of SLURM_ARRAY_TASK_COUNT.
            return shards is { } count
                ? Checked(task, "0", count.ToString(CultureInfo.InvariantCulture), "SLURM_ARRAY_TASK_ID", "--shards", out error)
                : Checked(task, _environment("SLURM_ARRAY_TASK_MIN") ?? "0", _environment("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", out error);
        }
        error = "--shard auto found neither JOB_COMPLETION_INDEX (Kubernetes Indexed Job) nor SLURM_ARRAY_TASK_ID (Slurm array); pass --shard K/N.";
        return null;
    }

    private static ShardSpec? Checked(string index, string first, string? count, string indexName, string countName, out string? error)
    {
        error = null;
        if (int.TryParse(index, CultureInfo.InvariantCulture, out var k) && int.TryParse(first, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(count, CultureInfo.InvariantCulture, out var n) && n >= 1 && k - min >= 0 && k - min < n)
            return new ShardSpec(k - min, n);
        error = $"--shard auto: {indexName}={index} (from {first}) is not a shard of {countName}={count ?? "(unset)"}; check the array or Job size.";
        return null;
    }
}
