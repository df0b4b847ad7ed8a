using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Mentor.Server.Tests.Support;
using Xunit.Abstractions;

namespace Mentor.Server.Tests.Http;

/// <summary>
/// A running <c>mentor serve</c> (its own process, real sockets) against clients that misbehave on purpose, while
/// well-behaved clients keep asking (the limits are in <c>src/Mentor.Server/Http/ConnectionLimits.cs</c>); and a SIGTERM
/// under load. Timings are printed, not asserted, except generous upper bounds.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class HostileClientTests(ServedModel served, ITestOutputHelper output)
{
    // Generous: the server cuts slow headers after 10 s and slow bodies after 5 s of grace.
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);
    private const int Clients = 2;

    private static byte[] Photo => File.ReadAllBytes(SharedData.Clothing("validation", "shoes", 1)[0]);

    [Fact]
    public async Task Slow_headers_slow_bodies_a_thousand_idle_connections_and_cut_uploads_do_not_stop_well_behaved_clients()
    {
        using var serve = await ServeProcess.StartAsync(served.ModelPath);
        var photo = Photo;
        await WellBehavedClients.RunAsync(serve.Address, photo, Clients, TimeSpan.FromSeconds(2)); // warm-up: first requests compile code
        var baseline = await WellBehavedClients.RunAsync(serve.Address, photo, Clients, Window);

        // When 1,000 idle connections, 20 slowloris clients, 20 slow bodies and a stream of cut uploads attack
        var idle = await HostileClients.IdleConnectionsAsync(serve.Address, 1000);
        using var stop = new CancellationTokenSource();
        var slowHeaders = Enumerable.Range(0, 20).Select(_ => HostileClients.SlowHeadersAsync(serve.Address, GiveUp)).ToList();
        var slowBodies = Enumerable.Range(0, 20).Select(_ => HostileClients.SlowBodyAsync(serve.Address, GiveUp)).ToList();
        var cuts = HostileClients.CutUploadsAsync(serve.Address, photo, stop.Token);
        var during = await WellBehavedClients.RunAsync(serve.Address, photo, Clients, Window);
        var (headers, bodies) = (await Task.WhenAll(slowHeaders), await Task.WhenAll(slowBodies));
        await stop.CancelAsync();
        var cutCount = await cuts;
        using var health = new HttpClient { BaseAddress = serve.Address };
        var after = await health.GetAsync("/health");
        foreach (var connection in idle) connection.Dispose();

        output.WriteLine($"well-behaved ({Clients} clients, {Window.TotalSeconds:F0} s each window): {baseline.Answered} answered without attack, {during.Answered} during it "
            + $"({100.0 * during.Answered / Math.Max(1, baseline.Answered):F0}%); errors {baseline.Errors} and {during.Errors}");
        output.WriteLine($"slow headers held {Range(headers)}, ended with '{headers[0].StatusLine}'; slow bodies held {Range(bodies)}, ended with '{bodies[0].StatusLine}'; {cutCount} uploads cut mid-body");
        Assert.True(baseline.Errors == 0, baseline.FirstError);
        Assert.True(during.Errors == 0, during.FirstError);
        Assert.True(during.Answered > 0);
        Assert.All(headers.Concat(bodies), e => Assert.NotEqual("still open", e.StatusLine));
        Assert.All(headers, e => Assert.True(e.Held < TimeSpan.FromSeconds(20), $"slow headers held {e.Held} (the limit is 10 s; Kestrel's default 30 s)"));
        Assert.All(bodies, e => Assert.StartsWith("HTTP/1.1 408", e.StatusLine));
        Assert.True(cutCount > 0);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Sigterm_under_load_answers_every_request_in_flight_and_exits_within_ten_seconds()
    {
        using var serve = await ServeProcess.StartAsync(served.ModelPath);
        var photo = Photo;
        using var client = new HttpClient { BaseAddress = serve.Address, Timeout = TimeSpan.FromSeconds(60) };
        var (answered, answeredAfterTerm, refused) = (0, 0, 0);
        var failures = new ConcurrentBag<string>();
        var terminating = false;
        var loops = Enumerable.Range(0, 6).Select(async _ =>
        {
            while (true)
            {
                var sentAfterTerm = Volatile.Read(ref terminating);
                try
                {
                    using var response = await client.PostAsync("/predict", WellBehavedClients.Content(photo));
                    if (response.StatusCode != HttpStatusCode.OK) failures.Add($"{(int)response.StatusCode}");
                    Interlocked.Increment(ref answered);
                    if (Volatile.Read(ref terminating)) Interlocked.Increment(ref answeredAfterTerm);
                }
                catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
                {
                    Interlocked.Increment(ref refused); // a new connection after the server stopped listening: never in flight
                    return;
                }
                catch (HttpRequestException e) when (sentAfterTerm && e.InnerException is IOException)
                {
                    // Sent after SIGTERM on a kept-alive connection the draining server was closing as idle: HTTP/1.1's
                    // keep-alive race, the request never reached a handler. Requests sent before SIGTERM get no such pass.
                    Interlocked.Increment(ref refused);
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    failures.Add($"{e.Message} ({e.InnerException?.GetType().Name}: {e.InnerException?.Message})");
                    return;
                }
            }
        }).ToList();

        // Given six clients keeping the server busy, when it gets SIGTERM
        while (Volatile.Read(ref answered) < 30) await Task.Delay(10);
        Volatile.Write(ref terminating, true);
        var clock = Stopwatch.StartNew();
        await serve.TerminateAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60))) await serve.WaitForExitAsync(timeout.Token);
        var drain = clock.Elapsed;
        await Task.WhenAll(loops);

        // Then the requests in flight are answered, none is reset, and the process exits 0 in bounded time
        output.WriteLine($"drain: exited {drain.TotalSeconds:F2} s after SIGTERM; {answeredAfterTerm} requests answered after it, {refused} clients refused afterwards, {answered} in all");
        Assert.True(failures.IsEmpty, string.Join("; ", failures));
        Assert.True(answeredAfterTerm > 0, "nothing was in flight at SIGTERM");
        Assert.Equal(0, serve.ExitCode);
        Assert.True(drain < TimeSpan.FromSeconds(10), $"exited {drain.TotalSeconds:F1} s after SIGTERM");
    }

    private static string Range(HostileClients.Ending[] endings) =>
        $"{endings.Min(e => e.Held.TotalSeconds):F1}-{endings.Max(e => e.Held.TotalSeconds):F1} s";
}
