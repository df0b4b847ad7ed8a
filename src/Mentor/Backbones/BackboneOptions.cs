namespace Mentor.Backbones;

/// <summary>How a backbone's ONNX Runtime session runs.</summary>
/// <param name="Threads">Intra-op threads; 0 means one per core.</param>
/// <param name="AllowSpinning">Whether idle ORT threads spin. Spinning helps a lone session but steals cycles from
/// decoding threads sharing the cores.</param>
/// <param name="Resize">Overrides the backbone's default resize rule, or null.</param>
/// <param name="CacheDirectory">Where the batch-ready copy of the model is kept; null: <see cref="MentorPaths.DefaultCacheDirectory"/>.</param>
public sealed record BackboneOptions(int Threads = 0, bool AllowSpinning = false, Imaging.ResizeRule? Resize = null, string? CacheDirectory = null)
{
    public static BackboneOptions Default { get; } = new();
}
