namespace Mentor.Backbones;

/// <summary>The order of colour planes a backbone expects.</summary>
public enum ChannelOrder
{
    /// <summary>Red, green, blue planes (torchvision, timm and most PyTorch exports).</summary>
    Rgb,
    /// <summary>Blue, green, red planes (Caffe and OpenCV-trained models).</summary>
    Bgr,
}
