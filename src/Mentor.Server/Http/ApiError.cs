namespace Mentor.Server.Http;

/// <summary>
/// The body of every error answer: <c>{"error": {"status": 415, "code": "unsupported_media_type", "message": "..."}}</c>.
/// <paramref name="Code"/> is stable for programs; <paramref name="Message"/> names the problem and the fix for people.
/// </summary>
public sealed record ApiError(int Status, string Code, string Message)
{
    /// <summary>Writes this error as the JSON response, unless the response has already started.</summary>
    public Task WriteAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Response.HasStarted) return Task.CompletedTask;
        http.Response.StatusCode = Status;
        if (Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "1";
        http.Items[RequestLogging.ErrorCodeKey] = Code;
        return http.Response.WriteAsJsonAsync(new { error = this }, http.RequestAborted);
    }
}
