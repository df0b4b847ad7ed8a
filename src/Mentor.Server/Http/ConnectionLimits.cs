using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Mentor.Server.Http;

/// <summary>
/// Kestrel's limits against clients that misbehave on purpose or by accident (slow headers, slow bodies, crowds of idle
/// connections, readers that stop reading), chosen for this server rather than left at Kestrel's defaults. Each value
/// says why; <c>tests/Mentor.Server.Tests/Http/HostileClientTests.cs</c> attacks a running <c>mentor serve</c> with each.
/// </summary>
internal static class ConnectionLimits
{
    public static void Apply(KestrelServerLimits limits)
    {
        // A real request's headers arrive in one or two packets, within milliseconds even on a slow link. A slowloris
        // client that trickles header bytes keeps its connection for this long, not for Kestrel's 30 s.
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);

        // Browsers reuse a connection within seconds; one idle for longer only holds a socket. 30 s (Kestrel: 130 s)
        // frees a crowd of idle connections four times sooner, and covers the studio's pages polling every few seconds.
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);

        // 4 KB/s is several times below the slowest upload link in use (EDGE, about 25 KB/s), so only a client that
        // stalls on purpose is cut, after 5 s of grace. At Kestrel's 240 B/s a 20 MB body could hold a connection and
        // its buffers for a day.
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 4096, gracePeriod: TimeSpan.FromSeconds(5));

        // The same for a client that stops reading its answer (answers are JSON of a kilobyte, page files under 200 KB):
        // the response is dropped instead of held in memory.
        limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 4096, gracePeriod: TimeSpan.FromSeconds(5));

        // Unbounded by default. An idle connection costs a socket and a few kilobytes; 10,000 keeps memory and file
        // descriptors bounded while staying far above the 1,000 idle connections the tests hold open, which must not lock
        // out well-behaved clients (a lower cap would hand the server to whoever opens that many first).
        limits.MaxConcurrentConnections = 10_000;
    }
}
