namespace Mentor.Backbones;

/// <summary>Where a backbone's input keeps its colour channels: planes first (NCHW) or interleaved (NHWC).</summary>
public enum TensorLayout
{
    /// <summary>[N, 3, H, W]: PyTorch, CNTK, most ONNX exports.</summary>
    Nchw,

    /// <summary>[N, H, W, 3]: TensorFlow and Keras exports.</summary>
    Nhwc,
}
