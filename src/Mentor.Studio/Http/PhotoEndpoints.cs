using Mentor.Imaging;
using Mentor.Server.Http;
using Mentor.Studio.Photos;
using Mentor.Studio.Projects;
using Microsoft.AspNetCore.Mvc;

namespace Mentor.Studio.Http;

/// <summary>
/// Photos of a class: the paged list, uploads (raw body with <c>?name=</c>, or multipart), thumbnails, the photo itself,
/// removal and moving to another class. Every photo of an upload is decoded first (the limits of <c>mentor serve</c>);
/// if any is unusable the request gets its 4xx and nothing is written.
/// </summary>
internal static class PhotoEndpoints
{
    /// <summary>Largest page of names answered at once.</summary>
    public const int MaxPage = 500;

    public sealed record MoveBody(string? Class, string? Name, string? To);

    /// <summary>Most thumbnails put into one listing (<c>thumbs=true</c>).</summary>
    public const int MaxThumbs = 200;

    /// <summary>
    /// A page of a class's photo names; with <c>thumbs=true</c> also their thumbnails (base64 JPEG, null for a file
    /// that is not a photo): a browser opens six connections to one host, so a grid that asked for each thumbnail on
    /// its own spent most of its first second queueing.
    /// </summary>
    public static IResult List(StudioProject project, ThumbnailCache thumbnails, [FromQuery(Name = "class")] string? className, int? offset, int? limit, bool? thumbs)
    {
        var photos = project.Photos(className!);
        var start = Math.Clamp(offset ?? 0, 0, photos.Count);
        var count = Math.Clamp(limit ?? 100, 1, MaxPage);
        var page = photos.Skip(start).Take(count).ToList();
        if (thumbs != true) return Results.Json(new { @class = className, total = photos.Count, offset = start, photos = page });
        var images = page.Take(MaxThumbs).ToDictionary(name => name, name => ThumbnailOrNull(thumbnails, project.PhotoPath(className!, name)));
        return Results.Json(new { @class = className, total = photos.Count, offset = start, photos = page, thumbs = images });
    }

    private static string? ThumbnailOrNull(ThumbnailCache thumbnails, string path)
    {
        try
        {
            return Convert.ToBase64String(thumbnails.Get(path).Jpeg);
        }
        catch (Exception e) when (e is ImageDecodeException or IOException)
        {
            return null; // not a photo, or gone since the listing: the tile asks /api/thumb, which says why
        }
    }

    public static async Task UploadAsync(HttpContext http, StudioProject project, ThumbnailCache thumbnails, StudioOptions options,
        [FromQuery(Name = "class")] string? className)
    {
        SafeName.Check(className, "class");
        IReadOnlyList<Upload> uploads;
        try
        {
            uploads = await UploadReader.ReadAsync(http.Request, new UploadLimits(options.MaxRequestBodyBytes, options.MaxFilesPerRequest)).ConfigureAwait(false);
        }
        catch (UploadException e)
        {
            await e.Error.WriteAsync(http).ConfigureAwait(false);
            return;
        }
        var checkedPhotos = new List<(NewPhoto Photo, byte[] Thumbnail)>();
        foreach (var upload in uploads)
        {
            SafeName.Check(upload.Name, "photo");
            try
            {
                checkedPhotos.Add((new NewPhoto(upload.Name, upload.Bytes), Photos.Thumbnail.Make(upload.Bytes, upload.Name)));
            }
            catch (ImageDecodeException e)
            {
                await DecodeErrors.ToApiError(e, upload.Name).WriteAsync(http).ConfigureAwait(false);
                return;
            }
        }
        http.Items[RequestLogging.ImagesKey] = uploads.Count;
        var names = await project.AddPhotosAsync(className!, [.. checkedPhotos.Select(c => c.Photo)]).ConfigureAwait(false);
        foreach (var (photo, thumbnail) in checkedPhotos) thumbnails.Put(ThumbnailCache.KeyOf(photo.Bytes), thumbnail);
        http.Response.StatusCode = StatusCodes.Status201Created;
        await http.Response.WriteAsJsonAsync(new { @class = className, added = names }).ConfigureAwait(false);
    }

    public static IResult Thumb(HttpContext http, StudioProject project, ThumbnailCache thumbnails, [FromQuery(Name = "class")] string? className, string? name)
    {
        var path = project.PhotoPath(className!, name!);
        try
        {
            var (jpeg, key) = thumbnails.Get(path);
            http.Response.Headers.CacheControl = "private, max-age=3600";
            return Results.Bytes(jpeg, "image/jpeg", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{key}\""));
        }
        catch (ImageDecodeException e)
        {
            // A file put in the folder by hand that is not a photo: say so, the page shows the reason on its tile.
            var error = DecodeErrors.ToApiError(e, name!);
            return Results.Json(new { error }, statusCode: error.Status);
        }
    }

    public static IResult Photo(StudioProject project, [FromQuery(Name = "class")] string? className, string? name)
    {
        var path = project.PhotoPath(className!, name!);
        return Results.File(path, Types.TryGetContentType(path, out var type) && type.StartsWith("image/", StringComparison.Ordinal) ? type : "application/octet-stream");
    }

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider Types = new();

    public static async Task<IResult> DeleteAsync(StudioProject project, [FromQuery(Name = "class")] string? className, string? name)
    {
        await project.DeletePhotoAsync(className!, name!).ConfigureAwait(false);
        return Results.NoContent();
    }

    public static async Task<IResult> MoveAsync(StudioProject project, [FromBody] MoveBody body)
    {
        var moved = await project.MovePhotoAsync(body.Class!, body.Name!, body.To!).ConfigureAwait(false);
        return Results.Json(new { @class = body.To, name = moved });
    }
}
