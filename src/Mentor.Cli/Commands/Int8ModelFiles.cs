using Mentor.Features;
using Mentor.Models;
using Mentor.Quantization;

namespace Mentor.Cli.Commands;

/// <summary>
/// The int8 version of a model file, made once per model and calibration set and kept in the cache folder. The key is
/// content, like the feature cache's: the model's graph hash and the calibration set's hash (the sampled photos' bytes,
/// the seed and the count), so changed photos in the same folder make a new model.
/// </summary>
internal static class Int8ModelFiles
{
    /// <summary>The int8 model file for <paramref name="modelPath"/> (itself when already int8).</summary>
    /// <param name="modelPath">A Mentor model file.</param>
    /// <param name="calibrationFolder">Photos to calibrate on; null: the model's training folder, if it is still here.</param>
    /// <param name="cacheDirectory">Cache folder; null: the default one.</param>
    /// <param name="cancellation">Stops calibration.</param>
    public static string GetOrCreate(string modelPath, string? calibrationFolder, string? cacheDirectory, CancellationToken cancellation)
    {
        var (_, metadata) = ModelFile.Read(modelPath);
        if (metadata.BackboneIdentity.Contains(":int8:", StringComparison.Ordinal)) return modelPath;
        var folder = calibrationFolder ?? ModelFileQuantizer.TrainingFolder(metadata)
            ?? throw new CalibrationFolderException(modelPath, "the folder it was trained on is not here");
        var key = FeatureKey.NamespaceFor(metadata.GraphSha256, CalibrationSet.FromFolder(folder).Hash);
        var cached = Path.Combine(cacheDirectory ?? MentorPaths.DefaultCacheDirectory, "models", $"{key}.int8.onnx");
        if (File.Exists(cached)) return cached;
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        ModelFileQuantizer.Quantize(modelPath, folder, cached, cacheDirectory, cancellation: cancellation);
        return cached;
    }
}
