using System.Text.Json;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Http;

/// <summary>
/// <c>POST /api/train</c> (start; <c>?fineTune=true</c> fine-tunes the backbone's top stage too), <c>POST /api/train/cancel</c>,
/// <c>GET /api/report</c> (the last run's figures) and <c>GET /api/events</c> (Server-Sent Events).
/// </summary>
internal static class TrainEndpoints
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IResult Train(TrainingJob training, IHostApplicationLifetime lifetime, bool fineTune = false) =>
        training.TryStart(fineTune, lifetime.ApplicationStopping)
            ? Results.Json(training.Status, statusCode: StatusCodes.Status202Accepted)
            : throw StudioException.Conflict("training_running", "a training run is already going; wait for it to finish or cancel it (its progress is on the page)");

    public static IResult Cancel(TrainingJob training) =>
        training.Cancel()
            ? Results.Json(training.Status, statusCode: StatusCodes.Status202Accepted)
            : throw StudioException.Conflict("not_running", "no training run is going; there is nothing to cancel");

    public static IResult Report(StudioProject project) =>
        project.State.Read().LastTraining is { } report
            ? Results.Json(report)
            : throw StudioException.NotFound("no training yet; press Train first");

    /// <summary>
    /// One <c>data:</c> event whenever the project, the training status or the background features change (checked five
    /// times a second), until the page goes away or the studio stops.
    /// </summary>
    public static async Task EventsAsync(HttpContext http, StudioProject project, TrainingJob training, BackgroundFeaturizer features, IHostApplicationLifetime lifetime)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var last = "";
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var snapshot = JsonSerializer.Serialize(new { version = project.Version, training = training.Status, features = ClassEndpoints.FeatureCounts(features) }, Json);
                if (snapshot != last)
                {
                    await http.Response.WriteAsync($"data: {snapshot}\n\n", stop.Token).ConfigureAwait(false);
                    await http.Response.Body.FlushAsync(stop.Token).ConfigureAwait(false);
                    last = snapshot;
                }
                await Task.Delay(Tick, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed or the studio is stopping
        }
    }
}
