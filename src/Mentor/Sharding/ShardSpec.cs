using System.Globalization;

namespace Mentor.Sharding;

/// <summary>
/// One shard of a sharded job: <see cref="Index"/> (0-based, as Kubernetes' <c>JOB_COMPLETION_INDEX</c>) of <see cref="Count"/>.
/// Its output file is named from both, so every shard of a job writes its own file and a retry writes the same one.
/// </summary>
public readonly record struct ShardSpec
{
    public ShardSpec(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        (Index, Count) = (index, count);
    }

    public int Index { get; }

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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
