using Mentor.Server.Http;
using Mentor.Server.Web;
using Mentor.Studio.Http;
using Mentor.Studio.Photos;
using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio;

/// <summary>
/// Builds the studio for one project folder: the JSON API under <c>/api</c> and the page at <c>/</c>, on Kestrel.
/// The returned application owns the project, the background featuriser, the training job and the live model
/// (all disposed with it). Starting it queues every photo already in the folder for background features.
/// </summary>
public static class StudioServer
{
    private const string Routes = "GET /, GET /api/project, /api/classes, /api/photos, /api/thumb, POST /api/train, POST /api/train/cancel, GET /api/events, GET /api/report, POST /api/predict, GET /api/export/...";

    public static WebApplication Create(string projectDirectory, StudioOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(projectDirectory);
        ArgumentNullException.ThrowIfNull(options);
        var project = StudioProject.Open(projectDirectory);
        var builder = LocalWebHost.CreateBuilder("Mentor.Studio", options.Urls, options.MaxRequestBodyBytes, options.ShutdownTimeout, options.JsonLogs, logging);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(project);
        builder.Services.AddSingleton(new ThumbnailCache(Path.Combine(project.StudioFolder, "thumbs")));
        builder.Services.AddSingleton<ComputeGate>();
        builder.Services.AddSingleton<BackgroundFeaturizer>();
        builder.Services.AddSingleton<LiveModel>();
        builder.Services.AddSingleton<TrainingJob>();
        builder.Services.AddSingleton<Export.Int8Export>();
        builder.Services.AddSingleton(new StaticAssets(typeof(StudioServer).Assembly));

        var app = builder.Build();
        app.Use(StudioWarmup.MarkAsync);
        app.UseMiddleware<RequestLogging>();
        app.UseMiddleware<StudioErrors>();
        app.UseStatusCodePages(JsonStatusPages.For(Routes));
        Map(app);
        app.Services.GetRequiredService<StaticAssets>().MapAll(app);
        Start(app, project, options);
        return app;
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/api/project", ClassEndpoints.Project);
        app.MapPost("/api/classes", ClassEndpoints.CreateAsync);
        app.MapPost("/api/classes/rename", ClassEndpoints.RenameAsync);
        app.MapDelete("/api/classes", ClassEndpoints.DeleteAsync);
        app.MapGet("/api/photos", PhotoEndpoints.List);
        app.MapPost("/api/photos", PhotoEndpoints.UploadAsync);
        app.MapDelete("/api/photos", PhotoEndpoints.DeleteAsync);
        app.MapPost("/api/photos/move", PhotoEndpoints.MoveAsync);
        app.MapGet("/api/thumb", PhotoEndpoints.Thumb);
        app.MapGet("/api/photo", PhotoEndpoints.Photo);
        app.MapPost("/api/train", TrainEndpoints.Train);
        app.MapPost("/api/train/cancel", TrainEndpoints.Cancel);
        app.MapGet("/api/report", TrainEndpoints.Report);
        app.MapGet("/api/events", TrainEndpoints.EventsAsync);
        app.MapPost("/api/predict", LivePredictEndpoint.HandleAsync);
        app.MapGet("/api/export/model", ExportEndpoints.ModelAsync);
        app.MapGet("/api/export/dataset", ExportEndpoints.DatasetAsync);
        app.MapGet("/api/export/snippets", ExportEndpoints.Snippets);
    }

    // Once the server runs: its first requests warmed, the last model back in memory, the background featuriser going,
    // and every photo already there queued for it.
    private static void Start(WebApplication app, StudioProject project, StudioOptions options)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            _ = StudioWarmup.RunAsync(new Uri(app.Urls.First()), project, app.Lifetime.ApplicationStopping);
            var training = app.Services.GetRequiredService<TrainingJob>();
            if (File.Exists(training.ModelPath))
            {
                try { app.Services.GetRequiredService<LiveModel>().Load(training.ModelPath); }
                catch (MentorException e) { app.Logger.LogWarning("{Message}", e.Message); } // retraining replaces it
            }
            if (!options.BackgroundFeatures) return;
            var features = app.Services.GetRequiredService<BackgroundFeaturizer>();
            project.PhotosArrived += features.Enqueue;
            _ = features.RunAsync(app.Lifetime.ApplicationStopping);
            features.Enqueue(project.Classes().SelectMany(c => project.Photos(c.Name).Select(n => Path.Combine(project.Root, c.Name, n))));
        });
    }
}
