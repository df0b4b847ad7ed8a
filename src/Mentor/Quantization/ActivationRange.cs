namespace Mentor.Quantization;

/// <summary>The observed range of one activation tensor over the calibration photos.</summary>
/// <param name="Min">The smallest value seen.</param>
/// <param name="Max">The largest value seen.</param>
public readonly record struct ActivationRange(float Min, float Max)
{
    /// <summary>The smallest range holding both.</summary>
    public ActivationRange Union(ActivationRange other) => new(MathF.Min(Min, other.Min), MathF.Max(Max, other.Max));

    /// <summary>An empty range, the identity of <see cref="Union"/>.</summary>
    public static ActivationRange Empty { get; } = new(float.PositiveInfinity, float.NegativeInfinity);
}
