namespace Mentor.Backbones;

/// <summary>How a backbone's ONNX Runtime session runs.</summary>
/// <param name="Threads">Intra-op threads; 0 means one per core.</param>
/// <param name="AllowSpinning">Whether idle ORT threads spin. Spinning helps a lone session but steals cycles from
/// decoding threads sharing the cores.</param>
/// <param name="Resize">Overrides the backbone's default resize rule, or null.</param>
/// <param name="CacheDirectory">Where the batch-ready copy of the model is kept; null: <see cref="MentorPaths.DefaultCacheDirectory"/>.</param>
/// <param name="Int8">Run the int8 (QDQ) quantisation of the backbone instead of fp32: about 3x the images/s on a CPU with
/// AVX-512 VNNI. Made once per calibration set and kept in the cache folder; its features are cached apart from fp32 ones.</param>
/// <param name="Calibration">The photos that set the int8 activation ranges (a sample of the training photos); required with <paramref name="Int8"/>.</param>
public sealed record BackboneOptions(int Threads = 0, bool AllowSpinning = false, Imaging.ResizeRule? Resize = null, string? CacheDirectory = null,
    bool Int8 = false, Quantization.CalibrationSet? Calibration = null)
{
    /// <summary>All defaults: fp32, one intra-op thread per core, no spinning, the backbone's own resize rule, the default cache folder.</summary>
    public static BackboneOptions Default { get; } = new();
}
