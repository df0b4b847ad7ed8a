using Mentor.Models;
using Mentor.Quantization;

namespace Mentor.Cli.Commands;

/// <summary>The int8 version of a model file, made once per model and calibration folder and kept in the cache folder.</summary>
internal static class Int8ModelFiles
{
    /// <summary>The int8 model file for <paramref name="modelPath"/> (itself when already int8).</summary>
    public static string GetOrCreate(string modelPath, string? calibrationFolder, string? cacheDirectory, CancellationToken cancellation)
    {
        var (_, metadata) = ModelFile.Read(modelPath);
        if (metadata.BackboneIdentity.Contains(":int8:", StringComparison.Ordinal)) return modelPath;
        var key = FeatureKeyFor(metadata.GraphSha256, calibrationFolder);
        var cached = Path.Combine(cacheDirectory ?? MentorPaths.DefaultCacheDirectory, "models", $"{key}.int8.onnx");
        if (File.Exists(cached)) return cached;
        Directory.CreateDirectory(Path.GetDirectoryName(cached)!);
        ModelFileQuantizer.Quantize(modelPath, calibrationFolder, cached, cacheDirectory, cancellation: cancellation);
        return cached;
    }

    private static string FeatureKeyFor(string graphSha, string? calibrationFolder) =>
        calibrationFolder is null ? graphSha[..32] : Features.FeatureKey.NamespaceFor(graphSha, Path.GetFullPath(calibrationFolder));
}
