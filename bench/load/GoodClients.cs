using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Mentor.LoadTest;

/// <summary>
/// N clients, each posting real photos one after another (raw body) until the deadline; records every latency,
/// every error (any status other than 200, or a failed connection) and every answer whose top label differs
/// from the in-process one.
/// </summary>
internal sealed class GoodClients(HttpClient client, IReadOnlyList<(string Path, byte[] Bytes)> photos, string[] expected)
{
    public ConcurrentBag<double> Latencies { get; } = [];
    public ConcurrentDictionary<string, int> Errors { get; } = new();
    public int WrongAnswers => _wrong;
    public int Successes => _ok;

    private int _ok, _wrong;

    public Task RunAsync(int clients, DateTime until) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, until))));

    private async Task ClientAsync(int id, DateTime until)
    {
        for (var n = id * 7; DateTime.UtcNow < until; n++)
        {
            var index = n % photos.Count;
            using var content = new ByteArrayContent(photos[index].Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await client.PostAsync("/predict?top=3", content);
                var body = await response.Content.ReadAsStringAsync();
                clock.Stop();
                if (!response.IsSuccessStatusCode)
                {
                    Errors.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, c) => c + 1);
                    continue;
                }
                Latencies.Add(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref _ok);
                var label = JsonDocument.Parse(body).RootElement.GetProperty("predictions")[0].GetProperty("top")[0].GetProperty("label").GetString();
                if (label != expected[index]) Interlocked.Increment(ref _wrong);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Errors.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, c) => c + 1);
            }
        }
    }
}
