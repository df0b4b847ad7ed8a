namespace Mentor.Quantization;

/// <summary>A quantised backbone: the QDQ model's bytes and what ONNX Runtime makes of it.</summary>
/// <param name="Model">The ONNX model (opset 13, symbolic batch, same input and output names as the fp32 one).</param>
/// <param name="Fusion">Operators after ONNX Runtime's optimisation: no fp32 convolution left.</param>
/// <param name="CalibrationPhotos">Photos the ranges were calibrated on.</param>
/// <param name="Ranges">Calibrated range per activation.</param>
public sealed record QuantizationResult(byte[] Model, FusionReport Fusion, int CalibrationPhotos, IReadOnlyDictionary<string, ActivationRange> Ranges);
