namespace Mentor.Server.Http;

/// <summary>A request whose body cannot be used (too large, empty, malformed multipart): answered with <see cref="Error"/>.</summary>
public sealed class UploadException(ApiError error) : Exception(error?.Message)
{
    public ApiError Error { get; } = error ?? throw new ArgumentNullException(nameof(error));
}
