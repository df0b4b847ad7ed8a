using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mentor.Quantization;

/// <summary>
/// The photos whose activations set the int8 ranges: a seeded sample of the user's training photos.
/// <see cref="Hash"/> covers the photos' bytes (not their names), the seed and the sample size, so a quantised model
/// can be cached per calibration set.
/// </summary>
public sealed class CalibrationSet
{
    /// <summary>Photos per calibration set unless told otherwise: min/max over 200 photos gave features closest to fp32 here.</summary>
    public const int DefaultCount = 200;

    private CalibrationSet(IReadOnlyList<string> photos, int seed, string hash)
    {
        Photos = photos;
        Seed = seed;
        Hash = hash;
    }

    /// <summary>The sampled photo paths, in ordinal order.</summary>
    public IReadOnlyList<string> Photos { get; }

    /// <summary>The random seed the photos were sampled with; part of <see cref="Hash"/>.</summary>
    public int Seed { get; }

    /// <summary>SHA-256 (hex) of the seed, the count and every sampled photo's content hash.</summary>
    public string Hash { get; }

    /// <summary>
    /// Samples <paramref name="count"/> of <paramref name="candidates"/> (all of them if fewer) with <paramref name="seed"/>:
    /// the same files and seed always give the same sample, whatever order the files were listed in.
    /// </summary>
    public static CalibrationSet Sample(IEnumerable<string> candidates, int count = DefaultCount, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var all = candidates.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (all.Length == 0) throw new QuantizationException("no calibration photos: int8 quantisation needs some of your training photos; pass a folder of images.");
        new Random(seed).Shuffle(all);
        var photos = all.Take(count).Order(StringComparer.Ordinal).ToList();

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"seed={seed};count={photos.Count}\n"));
        foreach (var photo in photos)
        {
            using var stream = new FileStream(photo, FileMode.Open, FileAccess.Read, FileShare.Read);
            text.Append(Convert.ToHexStringLower(SHA256.HashData(stream))).Append('\n');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        return new CalibrationSet(photos, seed, hash);
    }

    /// <summary>Samples the image files under <paramref name="folder"/> (any depth; hidden files skipped).</summary>
    public static CalibrationSet FromFolder(string folder, int count = DefaultCount, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
            throw new CalibrationFolderException(folder, "calibration folder not found");
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
        var files = Directory.EnumerateFiles(folder, "*", options).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        if (files.Count == 0)
            throw new CalibrationFolderException(folder, "no files to calibrate on");
        return Sample(files, count, seed);
    }
}
