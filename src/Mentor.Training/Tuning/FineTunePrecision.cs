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
