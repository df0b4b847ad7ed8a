using System.Runtime.Intrinsics.X86;

namespace Mentor.Training.Tuning;

/// <summary>Whether this CPU computes bfloat16 natively: the x86 AVX512_BF16 extension (Zen 4 and later, Cooper Lake, Sapphire Rapids and later).</summary>
public static class BFloat16Support
{
    /// <summary>True when the CPU reports AVX512_BF16 (CPUID leaf 7, sub-leaf 1, EAX bit 5) and the OS runs AVX-512.</summary>
    public static bool IsNative { get; } = Avx512F.IsSupported && (X86Base.CpuId(7, 1).Eax & (1 << 5)) != 0;

    /// <summary><paramref name="precision"/> with <see cref="FineTunePrecision.Auto"/> decided for this CPU.</summary>
    public static FineTunePrecision Resolve(FineTunePrecision precision) =>
        precision != FineTunePrecision.Auto ? precision : IsNative ? FineTunePrecision.BFloat16 : FineTunePrecision.Float32;
}
