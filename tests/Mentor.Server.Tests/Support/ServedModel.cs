using System.Net.Http.Headers;
using Mentor.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Mentor.Server.Tests.Support;

/// <summary>
/// One small real model (see <see cref="TinyModel"/>) served on 127.0.0.1 at a free port for the whole test
/// collection, with a 2 MB body limit so that the oversized-body tests stay quick. Logs are captured.
/// </summary>
public sealed class ServedModel : IAsyncLifetime
{
    public const long BodyLimit = 2 * 1024 * 1024;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mentor-server-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;

    public string ModelPath => Path.Combine(_folder, "clothing4.onnx");

    public ImageClassifier Classifier { get; private set; } = null!;

    public CapturedLogs Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await TinyModel.WriteAsync(_folder, ModelPath);
        Classifier = ImageClassifier.Load(ModelPath);
        (_app, BaseAddress) = await StartAsync(Classifier, new ServerOptions { MaxRequestBodyBytes = BodyLimit }, Logs);
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>Starts a server for <paramref name="classifier"/> on a free loopback port.</summary>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(ImageClassifier classifier, ServerOptions options, CapturedLogs? logs = null)
    {
        var app = PredictionServer.Create(classifier, options with { Urls = "http://127.0.0.1:0" }, l => l.AddProvider(logs ?? new CapturedLogs()));
        await app.StartAsync();
        return (app, new Uri(app.Urls.Single()));
    }

    /// <summary>Ordinary (image/jpeg) raw-body content for a photo file.</summary>
    public static ByteArrayContent Photo(string path)
    {
        var content = new ByteArrayContent(File.ReadAllBytes(path));
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return content;
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Classifier?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServedModel>
{
    public const string Name = "server";
}
