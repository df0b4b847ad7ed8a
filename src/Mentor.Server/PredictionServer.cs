using Mentor.Models;
using Mentor.Batching;
using Mentor.Server.Http;
using Mentor.Server.Web;

namespace Mentor.Server;

/// <summary>
/// Builds the prediction server for one loaded model: <c>POST /predict</c>, <c>GET /model</c>, <c>GET /health</c>
/// and the web page at <c>/</c>, on Kestrel. The caller owns the classifier and disposes it after the returned
/// application (whose disposal drains the batch queue); stopping the application lets in-flight requests finish.
/// </summary>
public static class PredictionServer
{
    public static WebApplication Create(ImageClassifier classifier, ServerOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(options);
        var builder = LocalWebHost.CreateBuilder("Mentor.Server", options.Urls, options.MaxRequestBodyBytes, options.ShutdownTimeout, options.JsonLogs, logging);
        builder.Services.AddSingleton(classifier);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new BatchedImagePredictor(classifier, options.Batching)); // disposed with the app, after the server has stopped
        builder.Services.AddSingleton<StaticAssets>();

        var app = builder.Build();
        app.Services.GetRequiredService<BatchedImagePredictor>(); // start the batch loop now, not on the first request
        app.UseMiddleware<RequestLogging>();
        app.UseStatusCodePages(JsonStatusPages.For("POST /predict, GET /model, GET /health, GET /"));
        app.MapPost("/predict", PredictEndpoint.HandleAsync);
        app.MapGet("/model", InfoEndpoints.Model);
        app.MapGet("/health", InfoEndpoints.Health);
        app.Services.GetRequiredService<StaticAssets>().MapAll(app);
        return app;
    }
}
