using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Mentor.Server.Http;

/// <summary>
/// Reads the images of an upload (<c>POST /predict</c>, the studio's photo uploads): the raw body (one image) or
/// multipart form data (every part with a file name). A declared length over the limit is refused before any of the
/// body is read; a chunked body is cut off by Kestrel's limit as soon as it passes it.
/// </summary>
public static class UploadReader
{
    public static async Task<IReadOnlyList<Upload>> ReadAsync(HttpRequest request, UploadLimits options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (request.ContentLength > options.MaxRequestBodyBytes) throw TooLarge(options);
        try
        {
            return request.HasFormContentType && MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
                ? await ReadMultipartAsync(request, type, options).ConfigureAwait(false)
                : [await ReadRawAsync(request).ConfigureAwait(false)];
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(options);
        }
        catch (BadHttpRequestException e)
        {
            throw new UploadException(new ApiError(e.StatusCode, "bad_request", $"the request body could not be read ({e.Message})"));
        }
        catch (IOException e) when (request.HasFormContentType)
        {
            // MultipartReader: the body ended before the closing boundary (a truncated upload); found by fuzzing.
            throw new UploadException(new ApiError(400, "bad_multipart", $"malformed multipart body ({e.Message.Trim()}); end it with the closing boundary, or send one image as the raw body"));
        }
        catch (InvalidDataException e)
        {
            throw new UploadException(new ApiError(400, "bad_multipart", $"malformed multipart body ({e.Message}); send files as multipart/form-data parts or one image as the raw body"));
        }
    }

    private static async Task<Upload> ReadRawAsync(HttpRequest request)
    {
        var name = request.Query["name"].FirstOrDefault() is { Length: > 0 } given ? given : "body";
        var bytes = await ReadAllAsync(request.Body, request.ContentLength, request.HttpContext.RequestAborted).ConfigureAwait(false);
        if (bytes.Length == 0)
            throw new UploadException(new ApiError(400, "empty_body", "the request has no body; send an image as the body or as multipart/form-data files"));
        return new Upload(name, bytes);
    }

    private static async Task<IReadOnlyList<Upload>> ReadMultipartAsync(HttpRequest request, MediaTypeHeaderValue type, UploadLimits options)
    {
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
            throw new UploadException(new ApiError(400, "bad_multipart", "multipart/form-data without a boundary"));
        var reader = new MultipartReader(boundary, request.Body);
        var uploads = new List<Upload>();
        while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) is { } section)
        {
            if (FileName(section) is not { } name)
                continue; // ordinary form fields are ignored
            if (uploads.Count == options.MaxFilesPerRequest)
                throw new UploadException(new ApiError(400, "too_many_files", $"more than {options.MaxFilesPerRequest} files in one request; send them in several requests"));
            var bytes = await ReadAllAsync(section.Body, null, request.HttpContext.RequestAborted).ConfigureAwait(false);
            uploads.Add(new Upload(string.IsNullOrEmpty(name) ? $"file{uploads.Count + 1}" : name, bytes));
        }
        if (uploads.Count == 0)
            throw new UploadException(new ApiError(400, "no_files", "the multipart body has no file parts; add the images as files (e.g. curl -F file=@photo.jpg)"));
        return uploads;
    }

    /// <summary>The part's file name ("" when it has none), or null when the part is not a file.</summary>
    private static string? FileName(MultipartSection section)
    {
        if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) return null;
        try
        {
            if (!disposition.IsFileDisposition()) return null;
            return HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
        }
        catch (ArgumentException)
        {
            // ASP.NET Core's FileNameStar throws for a bare "filename*" (no value); found by fuzzing.
            throw new UploadException(new ApiError(400, "bad_multipart", "a part's Content-Disposition header has a parameter without a value (such as a bare filename*); send files as curl -F file=@photo.jpg does"));
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, long? length, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 64 * 1024);
        await body.CopyToAsync(buffer, cancellation).ConfigureAwait(false);
        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }

    private static UploadException TooLarge(UploadLimits options) =>
        new(new ApiError(413, "body_too_large", $"the request body is over the {options.MaxRequestBodyBytes / (1024.0 * 1024):0.#} MB limit; send a smaller image (or start the server with a larger --max-body-size)"));
}
