using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Data;
using Mentor.Features;
using Mentor.Imaging;

namespace Mentor.Cli.Benchmarking;

/// <summary>The measurements behind <c>mentor bench</c>.</summary>
internal static class ThroughputMeter
{
    /// <summary>Decode + resize + tensor, on every core, files read into memory first (so disk speed is not measured).</summary>
    public static double DecodeImagesPerSecond(IReadOnlyList<string> paths, PreprocessingSpec spec, CancellationToken cancellation)
    {
        var files = paths.Select(p => (Path: p, Bytes: File.ReadAllBytes(p))).ToList();
        using var buffers = new ThreadLocal<float[]>(() => new float[spec.TensorLength]);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
        var clock = Stopwatch.StartNew();
        var decoded = 0;
        Parallel.ForEach(files, options, file =>
        {
            try
            {
                ImagePreparer.Prepare(file.Bytes, file.Path, spec, buffers.Value!);
                Interlocked.Increment(ref decoded);
            }
            catch (ImageDecodeException) { }
        });
        return decoded / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Raw backbone images/s on synthetic input at one batch size: a warm-up call, then at least <paramref name="seconds"/>.</summary>
    public static double BackboneImagesPerSecond(Backbone backbone, int batchSize, double seconds, CancellationToken cancellation)
    {
        var inputs = new float[batchSize * backbone.Preprocessing.TensorLength];
        var random = new Random(1);
        for (var i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 255 - 128);
        var outputs = new float[batchSize * backbone.FeatureSize];
        backbone.Run(inputs, batchSize, outputs);
        var clock = Stopwatch.StartNew();
        var images = 0;
        while (clock.Elapsed.TotalSeconds < seconds || images < 2 * batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            backbone.Run(inputs, batchSize, outputs);
            images += batchSize;
        }
        return images / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The dataset extracted twice through a fresh cache: cold (everything computed), then warm (everything cached).</summary>
    public static async Task<(ExtractionResult Cold, ExtractionResult Warm)> ColdAndWarmAsync(Backbone backbone, ImageFolderDataset dataset, int batchSize,
        IProgress<ExtractionProgress>? progress, CancellationToken cancellation)
    {
        var cacheDirectory = Path.Combine(Path.GetTempPath(), $"mentor-bench-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var extractor = new FeatureExtractor(backbone, new FeatureCache(cacheDirectory), ExtractionOptions.Default with { BatchSize = batchSize });
            var paths = dataset.Images.Select(i => i.Path).ToList();
            var cold = await extractor.ExtractAsync(paths, progress, cancellation).ConfigureAwait(false);
            var warm = await extractor.ExtractAsync(paths, null, cancellation).ConfigureAwait(false);
            return (cold, warm);
        }
        finally
        {
            try { Directory.Delete(cacheDirectory, recursive: true); } catch (IOException) { }
        }
    }
}
