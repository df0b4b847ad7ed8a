namespace Mentor.Heads;

/// <summary>A dense layer in plain .NET, as ONNX's Gemm with transB = 1 computes it: W x + b, accumulated in double.</summary>
internal static class Dense
{
    /// <param name="weights">Row-major [outputs x inputs].</param>
    /// <param name="bias">One per output.</param>
    /// <param name="input">The input vector.</param>
    public static double[] Apply(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> input)
    {
        var output = new double[bias.Length];
        for (var k = 0; k < output.Length; k++)
        {
            var row = weights.Slice(k * input.Length, input.Length);
            double sum = bias[k];
            for (var j = 0; j < row.Length; j++) sum += row[j] * input[j];
            output[k] = sum;
        }
        return output;
    }
}
