namespace Mentor.Training.Tuning;

/// <summary>The number type fine-tuning's convolutions compute in; the weights and the optimiser stay fp32 either way.</summary>
public enum FineTunePrecision
{
    /// <summary>bfloat16 where the CPU computes it natively (<see cref="BFloat16Support.IsNative"/>), fp32 elsewhere.</summary>
    Auto,

    /// <summary>fp32 throughout.</summary>
    Float32,

    /// <summary>Convolutions in bfloat16 (emulated, so slower, on a CPU without AVX512_BF16).</summary>
    BFloat16,
}

/// <summary>The short names of <see cref="FineTunePrecision"/> (<c>auto</c>, <c>fp32</c>, <c>bf16</c>), as model metadata and reports write them.</summary>
public static class FineTunePrecisionNames
{
    private static readonly string[] Names = ["auto", "fp32", "bf16"];

    /// <summary>Every name, in the enum's order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The short name of <paramref name="precision"/>.</summary>
    public static string Name(this FineTunePrecision precision) => Names[(int)precision];

    /// <summary>The precision named <paramref name="name"/>; null when it names none.</summary>
    public static FineTunePrecision? Parse(string? name) => Array.IndexOf(Names, name) is var i and >= 0 ? (FineTunePrecision)i : null;
}
