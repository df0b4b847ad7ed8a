using Mentor.Server.Http;
using Mentor.Studio.Projects;

namespace Mentor.Studio.Http;

/// <summary>Answers a <see cref="StudioException"/> (bad name, missing class, taken name...) with its JSON error.</summary>
internal sealed class StudioErrors(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (StudioException e)
        {
            await new ApiError(e.Status, e.Code, e.Message).WriteAsync(http).ConfigureAwait(false);
        }
    }
}
