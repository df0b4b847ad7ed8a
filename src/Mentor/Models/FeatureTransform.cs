namespace Mentor.Models;

/// <summary>An element-wise map applied to backbone features before the head.</summary>
public enum FeatureTransform
{
    /// <summary>Features as the backbone gives them.</summary>
    None,

    /// <summary>
    /// Square root (power normalisation) of the non-negative pooled activations: damps the few very large
    /// activations so that a linear head weighs the many small ones. Measured with ResNet-18: test accuracy
    /// 0.898 -> 0.909 on clothing-small, 0.912 -> 0.937 on sign-digits.
    /// </summary>
    Sqrt,
}
