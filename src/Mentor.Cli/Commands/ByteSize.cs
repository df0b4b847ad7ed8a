using System.Globalization;

namespace Mentor.Cli.Commands;

/// <summary>Sizes as people write them on a command line: <c>500MB</c>, <c>2G</c>, <c>1.5GiB</c>, <c>1048576</c> (binary units).</summary>
internal static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
        [("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30), ("TIB", 1L << 40), ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("TB", 1L << 40),
         ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30), ("T", 1L << 40), ("B", 1)];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var upper = text.Trim().ToUpperInvariant();
        var (suffix, factor) = Units.FirstOrDefault(u => upper.EndsWith(u.Suffix, StringComparison.Ordinal), ("", 1));
        if (!double.TryParse(upper[..^suffix.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)) return false;
        var value = number * factor;
        if (value is < 0 or > long.MaxValue / 2) return false;
        bytes = (long)value;
        return true;
    }

    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };
}
