using System.Diagnostics;
using System.Globalization;
using Mentor.Imaging;
using Mentor.Models;
using Mentor.Batching;

namespace Mentor.Server.Http;

/// <summary><c>POST /predict[?top=K]</c>: images in (raw body or multipart), top-K labels per image out.</summary>
internal static class PredictEndpoint
{
    /// <summary>Labels per image when <c>top</c> is not given.</summary>
    public const int DefaultTop = 5;

    public static async Task HandleAsync(HttpContext http, BatchedImagePredictor predictor, ImageClassifier classifier, ServerOptions options)
    {
        var clock = Stopwatch.StartNew();
        if (!TryParseTop(http.Request.Query["top"].FirstOrDefault(), classifier.Labels.Count, out var top))
        {
            await new ApiError(400, "bad_top", "top must be a whole number of labels, at least 1 (e.g. ?top=3)").WriteAsync(http).ConfigureAwait(false);
            return;
        }
        IReadOnlyList<Upload> uploads;
        try
        {
            uploads = await UploadReader.ReadAsync(http.Request, options.Uploads).ConfigureAwait(false);
        }
        catch (UploadException e)
        {
            await e.Error.WriteAsync(http).ConfigureAwait(false);
            return;
        }
        http.Items[RequestLogging.ImagesKey] = uploads.Count;

        var tasks = uploads.Select(u => predictor.PredictAsync(u.Bytes, u.Name, http.RequestAborted)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client has gone; nobody to answer
        }
        catch (Exception)
        {
            // Answer with the first failure in upload order (the whole request fails, naming the file).
            var index = Array.FindIndex(tasks, t => t.IsFaulted || t.IsCanceled);
            await ToApiError(tasks[index].Exception?.InnerException, uploads[index].Name).WriteAsync(http).ConfigureAwait(false);
            return;
        }
        var predictions = uploads.Select((u, i) => new ImagePrediction(u.Name, LabelScore.Top(tasks[i].Result, classifier.Labels, top))).ToList();
        await http.Response.WriteAsJsonAsync(new PredictionResponse(predictions, Math.Round(clock.Elapsed.TotalMilliseconds, 2)), http.RequestAborted).ConfigureAwait(false);
    }

    private static ApiError ToApiError(Exception? error, string name)
    {
        if (error is BatcherBusyException busy)
            return new ApiError(503, "busy", busy.Message);
        if (error is ImageDecodeException decode)
            return DecodeErrors.ToApiError(decode, name);
        // Not the client's fault; the message stays generic and the details go to the log.
        throw new InvalidOperationException($"prediction failed for {name}", error);
    }

    private static bool TryParseTop(string? text, int labels, out int top)
    {
        top = Math.Min(DefaultTop, labels);
        if (text is null) return true;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k < 1) return false;
        top = Math.Min(k, labels);
        return true;
    }
}
