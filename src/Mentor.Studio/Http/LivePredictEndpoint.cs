using System.Diagnostics;
using Mentor.Imaging;
using Mentor.Server.Http;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Http;

/// <summary><c>POST /api/predict[?top=K]</c>: one photo as the raw body (a file or a webcam frame), the latest model's top labels out.</summary>
internal static class LivePredictEndpoint
{
    public const int DefaultTop = 3;

    public static async Task HandleAsync(HttpContext http, LiveModel live, StudioOptions options, int? top)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<Upload> uploads;
        try
        {
            uploads = await UploadReader.ReadAsync(http.Request, new UploadLimits(options.MaxRequestBodyBytes, 1)).ConfigureAwait(false);
        }
        catch (UploadException e)
        {
            await e.Error.WriteAsync(http).ConfigureAwait(false);
            return;
        }
        try
        {
            var labels = live.Predict(uploads[0].Bytes, uploads[0].Name, Math.Max(1, top ?? DefaultTop))
                ?? throw StudioException.Conflict("no_model", "no model yet; press Train first");
            await http.Response.WriteAsJsonAsync(new { top = labels, milliseconds = Math.Round(clock.Elapsed.TotalMilliseconds, 1) }).ConfigureAwait(false);
        }
        catch (ImageDecodeException e)
        {
            await DecodeErrors.ToApiError(e, uploads[0].Name).WriteAsync(http).ConfigureAwait(false);
        }
    }
}
