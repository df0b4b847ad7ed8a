using Mentor.Models;
using Mentor.Batching;

namespace Mentor.Server.Http;

/// <summary><c>GET /model</c> (what is loaded) and <c>GET /health</c> (liveness and readiness).</summary>
internal static class InfoEndpoints
{
    public static IResult Model(ImageClassifier classifier)
    {
        var m = classifier.Metadata;
        return Results.Json(new
        {
            file = Path.GetFileName(classifier.Path),
            labels = m.Labels,
            backbone = m.Backbone,
            backboneIdentity = m.BackboneIdentity,
            head = m.Head,
            input = m.Input,
            metrics = m.Metrics,
            training = m.Training,
            created = m.Created,
            mentorVersion = m.MentorVersion,
            format = m.Format,
            graphSha256 = m.GraphSha256,
        });
    }

    private static object Memory()
    {
        var gc = GC.GetGCMemoryInfo();
        const double Mb = 1024 * 1024;
        return new
        {
            workingSetMb = Math.Round(Environment.WorkingSet / Mb, 1),
            gcHeapMb = Math.Round(gc.HeapSizeBytes / Mb, 1),
            gcCommittedMb = Math.Round(gc.TotalCommittedBytes / Mb, 1),
        };
    }

    /// <summary>200 with <c>status: "ok"</c> while the batch loop runs; 503 with <c>status: "unhealthy"</c> otherwise.</summary>
    public static IResult Health(BatchedImagePredictor predictor, ImageClassifier classifier)
    {
        var batcher = predictor.Batcher.Statistics;
        return Results.Json(new
        {
            status = batcher.Running ? "ok" : "unhealthy",
            model = Path.GetFileName(classifier.Path),
            labels = classifier.Labels.Count,
            uptimeSeconds = Math.Round((DateTimeOffset.UtcNow - predictor.Started).TotalSeconds, 1),
            batcher,
            memory = Memory(),
        }, statusCode: batcher.Running ? 200 : 503);
    }
}
