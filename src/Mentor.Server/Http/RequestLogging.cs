using System.Diagnostics;

namespace Mentor.Server.Http;

/// <summary>
/// Logs one structured line per request (method, path, status, milliseconds, body bytes, images, error code) and
/// turns any unexpected exception into a JSON 500 so that a bug in one request never takes the process down.
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    /// <summary><see cref="HttpContext.Items"/> key: images in the request.</summary>
    public const string ImagesKey = "mentor.images";

    /// <summary><see cref="HttpContext.Items"/> key: <c>true</c> leaves the request out of the log (set by an earlier middleware for the app's own requests).</summary>
    public const string QuietKey = "mentor.quiet";

    /// <summary><see cref="HttpContext.Items"/> key: the <see cref="ApiError.Code"/> answered.</summary>
    public const string ErrorCodeKey = "mentor.error";

    public async Task InvokeAsync(HttpContext http)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            LogFailure(logger, e, http.Request.Method, http.Request.Path.Value ?? "/");
            await new ApiError(500, "internal_error", "the server failed on this request; the details are in its log").WriteAsync(http).ConfigureAwait(false);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            // the client went away mid-request: nothing to answer
        }
        if (http.Items[QuietKey] is true) return;
        var milliseconds = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 2);
        LogRequest(logger, http.Request.Method, http.Request.Path.Value ?? "/", http.RequestAborted.IsCancellationRequested ? 499 : http.Response.StatusCode,
            milliseconds, http.Request.ContentLength ?? 0, http.Items[ImagesKey] as int? ?? 0, http.Items[ErrorCodeKey] as string ?? "");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Milliseconds} ms {RequestBytes} B {Images} images {ErrorCode}")]
    private static partial void LogRequest(ILogger logger, string method, string path, int status, double milliseconds, long requestBytes, int images, string errorCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception error, string method, string path);
}
