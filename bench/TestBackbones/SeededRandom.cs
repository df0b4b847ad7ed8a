namespace Mentor.TestBackbones;

/// <summary>
/// SplitMix64: the same numbers for the same seed on every machine and .NET version (System.Random makes no such promise),
/// so that a test backbone's bytes never change between runs.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A float uniformly drawn from [-<paramref name="bound"/>, <paramref name="bound"/>).</summary>
    public float Uniform(float bound) => (float)(((NextBits() >> 11) * (1.0 / (1UL << 53)) * 2 - 1) * bound);

    /// <summary><paramref name="count"/> floats uniformly drawn from [-<paramref name="bound"/>, <paramref name="bound"/>).</summary>
    public float[] Uniform(int count, float bound)
    {
        var values = new float[count];
        for (var i = 0; i < count; i++) values[i] = Uniform(bound);
        return values;
    }

    /// <summary>He-uniform weights for a layer with <paramref name="fanIn"/> inputs per output: keeps Relu activations from fading.</summary>
    public float[] HeUniform(int count, int fanIn) => Uniform(count, MathF.Sqrt(6f / fanIn));
}
