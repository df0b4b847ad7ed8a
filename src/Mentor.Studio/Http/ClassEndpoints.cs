using Mentor.Studio.Projects;
using Mentor.Studio.Training;
using Microsoft.AspNetCore.Mvc;

namespace Mentor.Studio.Http;

/// <summary>The project and its classes: <c>GET /api/project</c>, <c>POST /api/classes</c>, <c>POST /api/classes/rename</c>, <c>DELETE /api/classes?name=</c>.</summary>
internal static class ClassEndpoints
{
    public sealed record NameBody(string? Name);

    public sealed record RenameBody(string? From, string? To);

    public static IResult Project(StudioProject project, TrainingJob training, BackgroundFeaturizer features, LiveModel live) => Results.Json(new
    {
        root = project.Root,
        name = Path.GetFileName(project.Root),
        version = project.Version,
        classes = project.Classes(),
        training = training.Status,
        features = FeatureCounts(features),
        model = live.Metadata is { } m ? new { labels = m.Labels, created = m.Created } : null,
        trained = File.Exists(training.ModelPath),
    });

    public static object FeatureCounts(BackgroundFeaturizer features)
    {
        var (queued, done) = features.Counts;
        return new { queued, done };
    }

    public static async Task<IResult> CreateAsync(StudioProject project, [FromBody] NameBody body)
    {
        await project.CreateClassAsync(body.Name!).ConfigureAwait(false);
        return Results.Json(new { name = body.Name }, statusCode: 201);
    }

    public static async Task<IResult> RenameAsync(StudioProject project, [FromBody] RenameBody body)
    {
        await project.RenameClassAsync(body.From!, body.To!).ConfigureAwait(false);
        return Results.Json(new { name = body.To });
    }

    public static async Task<IResult> DeleteAsync(StudioProject project, [FromQuery] string? name)
    {
        await project.DeleteClassAsync(name!).ConfigureAwait(false);
        return Results.NoContent();
    }
}
