namespace Mentor.Quantization;

/// <summary>
/// Scale and zero point of a uint8 asymmetric per-tensor quantisation: <c>q = clamp(round(x / scale) + zeroPoint, 0, 255)</c>.
/// </summary>
internal readonly record struct QuantizationParameters(float Scale, byte ZeroPoint)
{
    /// <summary>Parameters covering <paramref name="range"/> widened to include 0 (so that 0 is exact, as padding needs).</summary>
    public static QuantizationParameters ForUInt8(ActivationRange range)
    {
        var min = MathF.Min(range.Min, 0f);
        var max = MathF.Max(range.Max, 0f);
        if (!float.IsFinite(min) || !float.IsFinite(max) || max - min <= 0) return new QuantizationParameters(1f, 0);
        var scale = (max - min) / 255f;
        var zeroPoint = Math.Clamp((int)MathF.Round(-min / scale, MidpointRounding.ToEven), 0, 255);
        return new QuantizationParameters(scale, (byte)zeroPoint);
    }

    /// <summary>Symmetric int8 per-channel weights: each output channel's largest magnitude maps to 127, zero point 0.</summary>
    public static (sbyte[] Values, float[] Scales) WeightsPerChannel(float[] weights, int channels)
    {
        var perChannel = weights.Length / channels;
        var values = new sbyte[weights.Length];
        var scales = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            var row = weights.AsSpan(c * perChannel, perChannel);
            var max = 0f;
            foreach (var w in row) max = MathF.Max(max, MathF.Abs(w));
            var scale = max > 0 ? max / 127f : 1f;
            scales[c] = scale;
            for (var i = 0; i < row.Length; i++)
                values[c * perChannel + i] = (sbyte)Math.Clamp((int)MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127, 127);
        }
        return (values, scales);
    }

    /// <summary>int32 biases with scale = input scale x weight scale per channel, zero point 0.</summary>
    public static (int[] Values, float[] Scales) Bias(float[] bias, float inputScale, float[] weightScales)
    {
        var values = new int[bias.Length];
        var scales = new float[bias.Length];
        for (var c = 0; c < bias.Length; c++)
        {
            scales[c] = inputScale * weightScales[c];
            var q = Math.Round(bias[c] / (double)scales[c], MidpointRounding.ToEven);
            values[c] = (int)Math.Clamp(q, int.MinValue + 1, int.MaxValue);
        }
        return (values, scales);
    }
}
