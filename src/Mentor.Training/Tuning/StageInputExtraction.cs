using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// Runs photos through the frozen stages (<see cref="BackbonePart"/>, ONNX Runtime) once: each training photo as
/// several seeded random views, held-out photos as their plain view. Decoding overlaps the network through the
/// extraction pipeline; nothing is cached on disk (augmented views are one run's, and 100-200 KB each).
/// </summary>
internal static class StageInputExtraction
{
    private const int Chunk = 1 << 9; // images per chunk; unrelated to any backbone's shape

    /// <summary>
    /// The stage inputs of <paramref name="paths"/>: <paramref name="views"/> views each, augmented with
    /// <paramref name="augmentation"/> (null: the plain view), stored in half precision when <paramref name="half"/>.
    /// View v of photo i is the same for the same seed.
    /// </summary>
    public static async Task<StageInputs> ExtractAsync(BackbonePart part, IReadOnlyList<string> paths, int[] targets, int views,
        Augmentation? augmentation, int seed, bool half, int batchSize, IProgress<ExtractionProgress>? progress, CancellationToken cancellation)
    {
        var shape = part.OutputShape.Select(d => (long)d).ToArray();
        var total = views * paths.Count;
        var store = zeros([total, .. shape], half ? ScalarType.Float16 : ScalarType.Float32);
        var clock = Stopwatch.StartNew();
        try
        {
            for (var start = 0; start < total; start += Chunk)
            {
                var count = Math.Min(Chunk, total - start);
                var first = start;
                var chunkPaths = Enumerable.Range(start, count).Select(i => paths[i % paths.Count]).ToList();
                ImagePreparation? preparation = augmentation is null ? null : (bytes, path, index, spec, destination) =>
                    ImageAugmenter.Prepare(bytes, path, spec, augmentation, new Random(ViewSeed(seed, first + index)), destination);
                var extractor = new FeatureExtractor(part, cache: null, ExtractionOptions.Default with { BatchSize = batchSize, Preparation = preparation });
                var forward = progress is null ? null : new Offset(progress, start, total, clock);
                var result = await extractor.ExtractAsync(chunkPaths, forward, cancellation).ConfigureAwait(false);
                ThrowIfSkipped(result);
                var flat = new float[(long)count * part.OutputSize];
                for (var i = 0; i < count; i++) result.Features[i]!.CopyTo(flat, (long)i * part.OutputSize);
                using var chunkValues = tensor(flat, [count, .. shape]);
                using var slice = store.narrow(0, start, count);
                slice.copy_(chunkValues);
            }
            return new StageInputs(store, targets, views);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Throws when a photo featurised earlier in the run could not be read now.</summary>
    public static void ThrowIfSkipped(ExtractionResult result)
    {
        if (result.Skipped.Count == 0) return;
        var skipped = result.Skipped[0];
        throw new MentorException($"{skipped.Path}: {skipped.Reason}; it was read earlier in this run, so it has changed since. Restore it (or remove it) and train again.");
    }

    // One seed per (run seed, view index), so each view is reproducible on its own whatever the thread interleaving
    // (a SplitMix64 step: HashCode would differ between processes).
    internal static int ViewSeed(int seed, int item)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)item) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private sealed class Offset(IProgress<ExtractionProgress> inner, int start, int total, Stopwatch clock) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => inner.Report(value with { Done = start + value.Done, Total = total, Elapsed = clock.Elapsed });
    }
}
