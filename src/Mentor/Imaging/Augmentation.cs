namespace Mentor.Imaging;

/// <summary>
/// Random changes to a training photo that keep its label: a random resized crop (a part of the photo covering
/// <see cref="MinScale"/> to all of its area, aspect ratio within <see cref="MaxAspectRatio"/> either way, scaled to
/// the input size), a horizontal flip with probability one half, and brightness, contrast and saturation each
/// multiplied by a factor within 1 ± <see cref="ColorJitter"/>.
/// </summary>
public sealed record Augmentation
{
    /// <summary>Smallest share of the photo's area a crop covers. The usual ImageNet value (0.08) cuts most of a small garment away.</summary>
    public double MinScale { get; init; } = 0.25;

    /// <summary>Largest crop aspect ratio (width / height), and its inverse the smallest.</summary>
    public double MaxAspectRatio { get; init; } = 4.0 / 3.0;

    /// <summary>Whether half of the photos are mirrored left to right; turn it off where left and right differ (text, digits, road signs).</summary>
    public bool HorizontalFlip { get; init; } = true;

    /// <summary>Largest relative change of brightness, contrast and saturation; 0 turns colour jitter off.</summary>
    public double ColorJitter { get; init; } = 0.2;

    /// <summary>The defaults.</summary>
    public static Augmentation Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting out of range.</summary>
    public void Validate()
    {
        if (MinScale is not (> 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(MinScale), MinScale, "the smallest crop must be above 0 and at most 1 of the photo's area");
        if (!(MaxAspectRatio >= 1)) throw new ArgumentOutOfRangeException(nameof(MaxAspectRatio), MaxAspectRatio, "the largest aspect ratio must be at least 1");
        if (ColorJitter is not (>= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(ColorJitter), ColorJitter, "colour jitter must be at least 0 and below 1");
    }
}
