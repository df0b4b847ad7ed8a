using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Mentor.Studio.Tests.Support;

/// <summary>
/// A studio on 127.0.0.1 at a free port, in this process, over a project folder,
/// with the default feature cache (so photos featurised by earlier runs are read from it). Logs are dropped.
/// </summary>
public sealed class StudioHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsRoot;

    private StudioHost(string root, WebApplication app, Uri address, bool ownsRoot)
    {
        Root = root;
        _app = app;
        _ownsRoot = ownsRoot;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public string Root { get; }

    public HttpClient Client { get; }

    /// <summary>Starts a studio on <paramref name="root"/> (kept), or on a fresh temporary folder (deleted on dispose).</summary>
    public static async Task<StudioHost> StartAsync(StudioOptions? options = null, string? root = null)
    {
        var owns = root is null;
        root ??= Path.Combine(Path.GetTempPath(), "mentor-studio-tests", Guid.NewGuid().ToString("N"), "project");
        var app = StudioServer.Create(root, (options ?? new StudioOptions()) with { Urls = "http://127.0.0.1:0" }, l => l.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        return new StudioHost(root, app, new Uri(app.Urls.Single()), owns);
    }

    public Task<HttpResponseMessage> CreateClassAsync(string name) => Client.PostAsync("/api/classes", Json(new { name }));

    /// <summary>Uploads one photo as the raw body, named as asked.</summary>
    public Task<HttpResponseMessage> UploadAsync(string className, string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        // Expect: 100-continue, as curl sends for large bodies: a body the studio refuses unread (too large) then gets its
        // 413 instead of a connection reset while the client is still writing (as the serve tests do).
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/photos?class={Uri.EscapeDataString(className)}&name={Uri.EscapeDataString(name)}") { Content = content };
        request.Headers.ExpectContinue = true;
        return Client.SendAsync(request);
    }

    /// <summary>Makes classes and uploads real photos into them; fails the test on any error answer.</summary>
    public async Task FillAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> photos)
    {
        foreach (var (label, files) in photos)
        {
            (await CreateClassAsync(label)).EnsureSuccessStatusCode();
            foreach (var file in files)
                (await UploadAsync(label, Path.GetFileName(file), await File.ReadAllBytesAsync(file))).EnsureSuccessStatusCode();
        }
    }

    /// <summary>Starts training (<paramref name="start"/>: the request's path) and waits for it to end; returns the final status.</summary>
    public async Task<JsonElement> TrainAsync(TimeSpan? timeout = null, string start = "/api/train") =>
        await WaitForRunAsync((await ReadAsync(await Client.PostAsync(start, null))).GetProperty("run").GetInt32(), timeout);

    /// <summary>Waits for training run <paramref name="run"/> to end (done, failed or cancelled); returns its final status.</summary>
    public async Task<JsonElement> WaitForRunAsync(int run, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        while (true)
        {
            var training = (await GetJsonAsync("/api/project")).GetProperty("training");
            if (training.GetProperty("run").GetInt32() == run && training.GetProperty("state").GetString() is "done" or "failed" or "cancelled") return training;
            await Task.Delay(200, limit.Token);
        }
    }

    public async Task<JsonElement> GetJsonAsync(string path) => await ReadAsync(await Client.GetAsync(path));

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using (response)
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsRoot) return;
        try { Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true); } catch (IOException) { }
    }
}
