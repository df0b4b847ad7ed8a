using Mentor.Models;
using Microsoft.AspNetCore.Diagnostics;
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
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Mentor.Server", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = options.ShutdownTimeout);
        ConfigureLogging(builder.Logging, options, logging);
        builder.Services.AddSingleton(classifier);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new BatchedImagePredictor(classifier, options.Batching)); // disposed with the app, after the server has stopped
        builder.Services.AddSingleton<StaticAssets>();

        var app = builder.Build();
        app.Services.GetRequiredService<BatchedImagePredictor>(); // start the batch loop now, not on the first request
        app.UseMiddleware<RequestLogging>();
        app.UseStatusCodePages(WriteStatusErrorAsync);
        app.MapPost("/predict", PredictEndpoint.HandleAsync);
        app.MapGet("/model", InfoEndpoints.Model);
        app.MapGet("/health", InfoEndpoints.Health);
        var assets = app.Services.GetRequiredService<StaticAssets>();
        foreach (var path in assets.Paths) app.MapGet(path, assets.Serve);
        return app;
    }

    private static void ConfigureLogging(ILoggingBuilder logs, ServerOptions options, Action<ILoggingBuilder>? custom)
    {
        logs.ClearProviders();
        logs.SetMinimumLevel(LogLevel.Information);
        logs.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (custom is not null)
        {
            custom(logs);
            return;
        }
        if (options.JsonLogs) logs.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        else logs.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.UseUtcTimestamp = true; });
    }

    /// <summary>JSON bodies for the answers routing gives without one: 404 (no such route) and 405 (wrong method).</summary>
    private static Task WriteStatusErrorAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var request = $"{http.Request.Method} {http.Request.Path}";
        var error = http.Response.StatusCode switch
        {
            404 => new ApiError(404, "not_found", $"no route for {request}; routes: POST /predict, GET /model, GET /health, GET /"),
            405 => new ApiError(405, "method_not_allowed", $"{request} is not allowed; use {http.Response.Headers.Allow}"),
            var status => new ApiError(status, "http_error", $"{request} answered {status}"),
        };
        return error.WriteAsync(http);
    }
}
