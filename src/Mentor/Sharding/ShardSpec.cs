using System.Globalization;

namespace Mentor.Sharding;

/// <summary>
/// One shard of a sharded job: <see cref="Index"/> (0-based, as Kubernetes' <c>JOB_COMPLETION_INDEX</c>) of <see cref="Count"/>.
/// Its output file is named from both, so every shard of a job writes its own file and a retry writes the same one.
/// </summary>
public readonly record struct ShardSpec
{
    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    /// <param name="index">0-based, below <paramref name="count"/>.</param>
    /// <param name="count">Shards in the job, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, or <paramref name="index"/> is negative or not below <paramref name="count"/>.</exception>
    public ShardSpec(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        (Index, Count) = (index, count);
    }

    /// <summary>This shard's 0-based position in the job.</summary>
    public int Index { get; }

    /// <summary>Shards in the job.</summary>
    public int Count { get; }

    /// <summary>The shard's file name, e.g. <c>shard-00003-of-00016.parquet</c>: sorts in index order, the same on every machine.</summary>
    public string FileName => string.Create(CultureInfo.InvariantCulture, $"shard-{Index:D5}-of-{Count:D5}.parquet");

    /// <summary>Parses <c>K/N</c> (0 &lt;= K &lt; N); false for anything else.</summary>
    public static bool TryParse(string? text, out ShardSpec shard)
    {
        shard = default;
        var parts = text?.Split('/');
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
            return false;
        shard = new ShardSpec(index, count);
        return true;
    }

    /// <summary>The shard as <c>K/N</c>, which <see cref="TryParse"/> reads back.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
