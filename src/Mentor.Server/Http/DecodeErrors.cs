using Mentor.Imaging;

namespace Mentor.Server.Http;

/// <summary>Maps an <see cref="ImageDecodeException"/> to the answer the client gets.</summary>
public static class DecodeErrors
{
    /// <summary>
    /// 415 for bytes that are not a supported image, 413 for a decompression bomb (refused from its header,
    /// before any pixel is decoded), 400 for an empty, truncated or corrupt image.
    /// </summary>
    public static ApiError ToApiError(ImageDecodeException error, string name)
    {
        ArgumentNullException.ThrowIfNull(error);
        var reason = error.Reason;
        var (status, code) = reason switch
        {
            _ when reason.StartsWith("not an image", StringComparison.Ordinal) || reason.StartsWith("unsupported image format", StringComparison.Ordinal)
                => (StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type"),
            _ when reason.Contains("megapixel limit", StringComparison.Ordinal) => (StatusCodes.Status413PayloadTooLarge, "image_too_large"),
            _ when reason.StartsWith("empty", StringComparison.Ordinal) => (StatusCodes.Status400BadRequest, "empty_image"),
            _ => (StatusCodes.Status400BadRequest, "corrupt_image"),
        };
        return new ApiError(status, code, $"{name}: {reason}");
    }
}
