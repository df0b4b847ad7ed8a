using Microsoft.AspNetCore.Diagnostics;

namespace Mentor.Server.Http;

/// <summary>JSON bodies (<see cref="ApiError"/>) for the answers routing gives without one: 404 (no such route) and 405 (wrong method).</summary>
public static class JsonStatusPages
{
    /// <summary>The handler for <c>UseStatusCodePages</c>; a 404 lists <paramref name="routes"/>.</summary>
    public static Func<StatusCodeContext, Task> For(string routes) => context =>
    {
        var http = context.HttpContext;
        var request = $"{http.Request.Method} {http.Request.Path}";
        var error = http.Response.StatusCode switch
        {
            404 => new ApiError(404, "not_found", $"no route for {request}; routes: {routes}"),
            405 => new ApiError(405, "method_not_allowed", $"{request} is not allowed; use {http.Response.Headers.Allow}"),
            var status => new ApiError(status, "http_error", $"{request} answered {status}"),
        };
        return error.WriteAsync(http);
    };
}
