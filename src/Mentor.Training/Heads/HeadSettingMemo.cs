using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Mentor.Training.Heads;

/// <summary>
/// Remembers, in the cache folder, the setting a head kind's search chose for exactly these training rows
/// (<c>&lt;dir&gt;/head-settings/&lt;key&gt;.txt</c>, e.g. <c>C=0.03</c>). A re-run on the same features (a warm re-train)
/// fits with it instead of searching again: the search is most of a warm run's time, and it is deterministic, so the
/// result is the one the search would give. The key hashes everything the search depends on: the kind, the rows and
/// their targets, the validation rows, the transform, seed, balancing and folds, and this library's version (a newer
/// Mentor may search differently). A missing, pruned or unreadable entry is a miss.
/// </summary>
internal sealed partial class HeadSettingMemo(string cacheDirectory)
{
    private string Folder { get; } = Path.Combine(cacheDirectory, "head-settings");

    /// <summary>The setting remembered for <paramref name="kind"/> on <paramref name="data"/>, or null.</summary>
    public string? TryGet(string kind, HeadTrainingData data)
    {
        try
        {
            var path = PathFor(kind, data);
            if (!File.Exists(path) || new FileInfo(path).Length > 64) return null;
            var setting = File.ReadAllText(path, Encoding.ASCII);
            return Setting().IsMatch(setting) ? setting : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Remembers <paramref name="setting"/>; a failed write is ignored (the memo only saves time).</summary>
    public void Put(string kind, HeadTrainingData data, string setting)
    {
        if (!Setting().IsMatch(setting)) return;
        try
        {
            AtomicFile.WriteAllBytes(PathFor(kind, data), Encoding.ASCII.GetBytes(setting));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static readonly string LibraryVersion = typeof(HeadSettingMemo).Assembly.GetName().Version?.ToString() ?? "";

    private string PathFor(string kind, HeadTrainingData data) => Path.Combine(Folder, Key(kind, data) + ".txt");

    /// <summary>A hex digest of everything the kind's search depends on.</summary>
    internal static string Key(string kind, HeadTrainingData data)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes($"{LibraryVersion}|{kind}|{data.Transform}|{data.Seed}|{data.Balance}|{data.Folds}|{data.ClassCount}|"));
        AppendRows(hash, data.Features, data.Targets);
        if (data.ValidationFeatures is not null) AppendRows(hash, data.ValidationFeatures, data.ValidationTargets!);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    private static void AppendRows(XxHash128 hash, float[][] rows, int[] targets)
    {
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(count, rows.Length);
        hash.Append(count);
        foreach (var row in rows)
        {
            BinaryPrimitives.WriteInt32LittleEndian(count, row.Length);
            hash.Append(count);
            hash.Append(MemoryMarshal.AsBytes(row.AsSpan()));
        }
        hash.Append(MemoryMarshal.AsBytes(targets.AsSpan()));
    }

    // What a kind reports as its choice: name=number.
    [GeneratedRegex(@"^[A-Za-z]+=[0-9.eE+-]{1,24}$")]
    private static partial Regex Setting();
}
