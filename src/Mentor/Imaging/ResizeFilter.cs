namespace Mentor.Imaging;

/// <summary>The resampling filter used when scaling.</summary>
public enum ResizeFilter
{
    /// <summary>Bilinear from the nearest 2x2 pixels: fast; some aliasing when shrinking by more than 2.</summary>
    Bilinear,

    /// <summary>Bilinear between mipmap levels: anti-aliased, about 5 times slower.</summary>
    Smooth,

    /// <summary>Bicubic (Catmull-Rom): what timm's and most Keras backbones were evaluated with.</summary>
    Bicubic,
}
