namespace Mentor.Features;

/// <summary>How the extraction pipeline runs.</summary>
/// <param name="BatchSize">Images per backbone call.</param>
/// <param name="DecodeThreads">Threads decoding and resizing images while the backbone runs; 0: half the cores, at least one.</param>
public sealed record ExtractionOptions(int BatchSize = 8, int DecodeThreads = 0)
{
    public static ExtractionOptions Default { get; } = new();

    internal int EffectiveDecodeThreads => DecodeThreads > 0 ? DecodeThreads : Math.Max(1, Environment.ProcessorCount / 2);
}
