using Mentor.Backbones;

namespace Mentor.Quantization;

/// <summary>The int8 copy of a backbone: quantised once per calibration set and kept in the cache folder.</summary>
public static class Int8Backbones
{
    /// <summary>
    /// The int8 version of <paramref name="fp32"/> (a prepared backbone; its <see cref="BackboneModel.Path"/> becomes the cached
    /// quantised file, its identity <c>name:int8:sha256:...</c>), quantising first if needed.
    /// </summary>
    public static BackboneModel GetOrCreate(BackboneModel fp32, CalibrationSet calibration, PreprocessingSpec? preprocessing = null,
        string? cacheDirectory = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fp32);
        ArgumentNullException.ThrowIfNull(calibration);
        var path = QuantizedModels.GetOrCreate(fp32, preprocessing ?? fp32.Spec.Preprocessing, calibration,
            cacheDirectory ?? MentorPaths.DefaultCacheDirectory, cancellation);
        return new BackboneModel(fp32.Spec with { Description = fp32.Spec.Description + ", int8" }, path, BackboneIdentity.Int8(fp32.Spec, path));
    }

    /// <summary>The int8 version of <paramref name="spec"/>'s prepared model (see the other overload).</summary>
    public static BackboneModel GetOrCreate(BackboneSpec spec, CalibrationSet calibration, PreprocessingSpec? preprocessing = null,
        string? cacheDirectory = null, CancellationToken cancellation = default) =>
        GetOrCreate(PreparedModels.GetOrCreate(spec, cacheDirectory), calibration, preprocessing, cacheDirectory, cancellation);
}
