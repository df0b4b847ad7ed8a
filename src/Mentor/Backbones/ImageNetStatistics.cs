namespace Mentor.Backbones;

/// <summary>The ImageNet per-channel mean and standard deviation of RGB pixels scaled to 0..1 (torchvision, timm).</summary>
public static class ImageNetStatistics
{
    /// <summary>Per-channel means in R, G, B order, for pixels scaled to 0..1; a new array on each call.</summary>
    public static float[] Mean => [0.485f, 0.456f, 0.406f];

    /// <summary>Per-channel standard deviations in R, G, B order, for pixels scaled to 0..1; a new array on each call.</summary>
    public static float[] Std => [0.229f, 0.224f, 0.225f];
}
