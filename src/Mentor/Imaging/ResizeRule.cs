namespace Mentor.Imaging;

/// <summary>A resize-and-crop rule. <see cref="Id"/> names it in cache keys and model metadata.</summary>
/// <param name="Mode">Whether to crop or stretch.</param>
/// <param name="CropFraction">For crops, the share of the resized short side kept (timm's <c>crop_pct</c>; 1: short side = input size).</param>
/// <param name="Filter">The resampling filter.</param>
public sealed record ResizeRule(ResizeMode Mode, double CropFraction = 1.0, ResizeFilter Filter = ResizeFilter.Bilinear)
{
    /// <summary>Short side to the input size, centre crop: what ML.NET and the reference linear probe use.</summary>
    public static ResizeRule CenterCrop { get; } = new(ResizeMode.ShortSideCenterCrop);

    /// <summary>Short side to input / 0.875, centre crop: the torchvision evaluation recipe.</summary>
    public static ResizeRule CenterCrop875 { get; } = new(ResizeMode.ShortSideCenterCrop, 0.875);

    /// <summary>Whole image squeezed to the square input.</summary>
    public static ResizeRule StretchToFit { get; } = new(ResizeMode.Stretch);

    /// <summary>The rule's short name (<c>crop</c>, <c>crop0.875</c>, <c>stretch</c>, with <c>-smooth</c> or <c>-bicubic</c> for other filters), read back by <see cref="Parse"/>.</summary>
    public string Id => (Mode == ResizeMode.Stretch ? "stretch" : FormattableString.Invariant($"crop{CropFraction:0.###}"))
        + Filter switch { ResizeFilter.Smooth => "-smooth", ResizeFilter.Bicubic => "-bicubic", _ => "" };

    /// <summary>
    /// Parses an <see cref="Id"/> (also the CLI spelling): <c>crop</c>, <c>crop0.875</c>, <c>stretch</c>,
    /// each optionally followed by <c>-smooth</c> for the anti-aliased filter.
    /// </summary>
    public static ResizeRule Parse(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var text = id.Trim().ToLowerInvariant();
        var filter = ResizeFilter.Bilinear;
        if (text.EndsWith("-smooth", StringComparison.Ordinal))
        {
            filter = ResizeFilter.Smooth;
            text = text[..^"-smooth".Length];
        }
        else if (text.EndsWith("-bicubic", StringComparison.Ordinal))
        {
            filter = ResizeFilter.Bicubic;
            text = text[..^"-bicubic".Length];
        }
        if (text == "stretch") return new ResizeRule(ResizeMode.Stretch, 1, filter);
        if (text.StartsWith("crop", StringComparison.Ordinal))
        {
            var rest = text["crop".Length..];
            if (rest.Length == 0) return new ResizeRule(ResizeMode.ShortSideCenterCrop, 1, filter);
            if (double.TryParse(rest, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var f) && f is > 0.2 and <= 1)
                return new ResizeRule(ResizeMode.ShortSideCenterCrop, f, filter);
        }
        throw new ArgumentException($"unknown resize rule '{id}'; use crop, crop0.875 or stretch, optionally with -smooth or -bicubic", nameof(id));
    }

    /// <summary>The size to scale a <paramref name="width"/> x <paramref name="height"/> image to, before the centre crop.</summary>
    public (int Width, int Height) ScaledSize(int width, int height, int inputSize)
    {
        if (Mode == ResizeMode.Stretch) return (inputSize, inputSize);
        var shortSide = inputSize / CropFraction;
        var scale = shortSide / Math.Min(width, height);
        return (Math.Max(inputSize, (int)Math.Round(width * scale)), Math.Max(inputSize, (int)Math.Round(height * scale)));
    }

    /// <summary>The short side the decoder must deliver at least (for reduced-scale decoding).</summary>
    public int MinDecodeShortSide(int inputSize) => (int)Math.Ceiling(inputSize / CropFraction);
}
