namespace Mentor.Quantization;

/// <summary>How a quantised activation's range is chosen.</summary>
internal enum RangeRule
{
    /// <summary>The calibrated minimum and maximum.</summary>
    Observed,

    /// <summary>A Relu output: [0, calibrated maximum], zero point 0, so that ONNX Runtime folds the Relu into the quantiser.</summary>
    ReluOutput,

    /// <summary>A MaxPool output: its input's scale and zero point, so that the pool runs on uint8 directly.</summary>
    SameAsInput,
}
