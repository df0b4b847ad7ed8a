using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>
/// The number type an imported module's convolutions compute in, shared by its convolution kernels. Weights, their
/// gradients and every other operation stay fp32 (the master copy the optimiser updates). In bfloat16, a convolution
/// casts its input and weights down, runs there (oneDNN's AVX512_BF16 dot products), and casts its output back up;
/// autograd carries the gradients back through both casts to the fp32 weights. This is the mixed precision PyTorch's
/// CPU autocast applies, which TorchSharp does not offer. No loss scaling: bfloat16 has fp32's exponent range.
/// </summary>
internal sealed class ConvolutionPrecision
{
    /// <summary>Whether convolutions compute in bfloat16; false: fp32.</summary>
    public bool BFloat16 { get; set; }

    /// <summary>Runs <paramref name="convolution"/> on <paramref name="input"/>, <paramref name="weight"/> and <paramref name="bias"/> in this precision; the result has the input's type.</summary>
    public Tensor Apply(Tensor input, Tensor weight, Tensor? bias, Func<Tensor, Tensor, Tensor?, Tensor> convolution)
    {
        if (!BFloat16 || input.dtype != ScalarType.Float32) return convolution(input, weight, bias);
        using var lowInput = input.to_type(ScalarType.BFloat16);
        using var lowWeight = weight.to_type(ScalarType.BFloat16);
        using var lowBias = bias?.to_type(ScalarType.BFloat16);
        using var low = convolution(lowInput, lowWeight, lowBias);
        return low.to_type(ScalarType.Float32);
    }
}
