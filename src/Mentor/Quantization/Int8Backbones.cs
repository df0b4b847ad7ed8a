using Mentor.Backbones;

namespace Mentor.Quantization;

/// <summary>The int8 copy of a registered backbone: quantised once per calibration set and kept in the cache folder.</summary>
public static class Int8Backbones
{
    /// <summary>
    /// The spec of <paramref name="spec"/>'s int8 model (its <see cref="BackboneSpec.ModelPath"/> is the cached quantised file)
    /// and that model's identity (<c>name:int8:sha256:...</c>), quantising first if needed.
    /// </summary>
    public static (BackboneSpec Spec, string Identity) GetOrCreate(BackboneSpec spec, CalibrationSet calibration, PreprocessingSpec? preprocessing = null,
        string? cacheDirectory = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(calibration);
        if (!File.Exists(spec.ModelPath))
            throw new MentorException($"{spec.ModelPath}: backbone model file not found; rebuild or reinstall Mentor so that it is copied.");
        var sha256 = PreparedModels.HashFile(spec.ModelPath);
        var path = QuantizedModels.GetOrCreate(spec, sha256, preprocessing ?? spec.Preprocessing, calibration,
            cacheDirectory ?? MentorPaths.DefaultCacheDirectory, cancellation);
        return (spec with { ModelPath = path, Description = spec.Description + ", int8" }, IdentityOf(spec.Name, path));
    }

    /// <summary><c>name:int8:sha256:&lt;hash of the quantised file&gt;</c>.</summary>
    internal static string IdentityOf(string name, string quantizedPath) => $"{name}:int8:sha256:{PreparedModels.HashFile(quantizedPath)}";
}
