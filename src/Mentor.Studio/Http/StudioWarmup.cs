using Mentor.Server.Http;
using Mentor.Studio.Projects;

namespace Mentor.Studio.Http;

/// <summary>
/// Asks the studio for the page and its first calls once, over its own address, as soon as it listens: a browser's
/// first load then finds the server's code compiled (on two cores the first load took about a second longer without).
/// The requests carry a header with a token made at start, which no client can know, and are left out of the request log.
/// </summary>
internal static class StudioWarmup
{
    private const string Header = "X-Mentor-Warmup";
    private static readonly string Token = Guid.NewGuid().ToString("N");

    /// <summary>Marks the warm-up's own requests so that the request log skips them; use before <see cref="RequestLogging"/>.</summary>
    public static Task MarkAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Headers[Header] == Token) http.Items[RequestLogging.QuietKey] = true;
        return next(http);
    }

    /// <summary>Requests what the page requests first; gives up quietly on any failure (it only saves time).</summary>
    public static async Task RunAsync(Uri address, StudioProject project, CancellationToken stopping)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Add(Header, Token);
        try
        {
            List<string> paths = ["/", "/app.js", "/app.css", "/api/project"];
            if (project.Classes().FirstOrDefault(c => c.Photos > 0) is { } first && project.Photos(first.Name).FirstOrDefault() is { } photo)
            {
                var cls = Uri.EscapeDataString(first.Name);
                paths.Add($"/api/photos?class={cls}&offset=0&limit=40&thumbs=true");
                paths.Add($"/api/thumb?class={cls}&name={Uri.EscapeDataString(photo)}");
            }
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path, stopping).ConfigureAwait(false);
                await response.Content.LoadIntoBufferAsync(stopping).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException or MentorException)
        {
            // the studio is stopping, or a photo went away meanwhile: nothing to warm
        }
    }
}
