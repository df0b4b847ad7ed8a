using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Mentor.Server.Tests.Support;

/// <summary>Clients that misbehave on purpose, over raw sockets: what each did and how the server ended it.</summary>
internal static class HostileClients
{
    /// <summary>How long a misbehaving connection lasted and the first line the server answered (empty: closed without one).</summary>
    public sealed record Ending(TimeSpan Held, string StatusLine);

    /// <summary>Opens <paramref name="count"/> connections that never send a byte; the caller disposes them.</summary>
    public static async Task<List<TcpClient>> IdleConnectionsAsync(Uri address, int count)
    {
        var clients = new List<TcpClient>(count);
        foreach (var batch in Enumerable.Range(0, count).Chunk(50))
            clients.AddRange(await Task.WhenAll(batch.Select(async _ =>
            {
                var client = new TcpClient();
                await client.ConnectAsync(address.Host, address.Port);
                return client;
            })));
        return clients;
    }

    /// <summary>Slowloris: a request line, then one header line a second, never the blank line that ends the headers.</summary>
    public static Task<Ending> SlowHeadersAsync(Uri address, TimeSpan giveUp) =>
        TrickleAsync(address, "POST /predict HTTP/1.1\r\nHost: localhost\r\n", "X-Slow: 1\r\n", giveUp);

    /// <summary>
    /// Whole headers announcing a 1 MB photo, then 1 KB of it a second: above Kestrel's default minimum rate (240 B/s),
    /// below the server's (4 KB/s).
    /// </summary>
    public static Task<Ending> SlowBodyAsync(Uri address, TimeSpan giveUp) =>
        TrickleAsync(address, "POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nContent-Length: 1000000\r\n\r\n", new string('x', 1024), giveUp);

    /// <summary>Until cancelled: uploads that announce 1 MB, send the first 64 KB, then reset the connection. Returns how many.</summary>
    public static async Task<int> CutUploadsAsync(Uri address, byte[] photo, CancellationToken stop)
    {
        var head = Encoding.ASCII.GetBytes("POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nContent-Length: 1000000\r\n\r\n");
        var part = photo.AsMemory(0, Math.Min(photo.Length, 64 * 1024));
        var cut = 0;
        while (!stop.IsCancellationRequested)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address.Host, address.Port, CancellationToken.None);
            var stream = client.GetStream();
            await stream.WriteAsync(head, CancellationToken.None);
            await stream.WriteAsync(part, CancellationToken.None);
            client.LingerState = new LingerOption(true, 0); // close with RST, mid-body
            client.Close();
            cut++;
            await Task.Delay(20, CancellationToken.None);
        }
        return cut;
    }

    /// <summary>
    /// Posts <paramref name="bytes"/> zeros as a chunked body (no length announced), reading the answer while writing:
    /// a server that refuses the body mid-way answers and closes, and the client may then be reset mid-write, as real
    /// clients are. Returns everything the server sent.
    /// </summary>
    public static async Task<string> ChunkedUploadAsync(Uri address, long bytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /predict HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\n\r\n"));
        var answer = ReadToCloseAsync(stream);
        var chunk = new byte[64 * 1024];
        var head = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var tail = Encoding.ASCII.GetBytes("\r\n");
        try
        {
            for (long sent = 0; sent < bytes && !answer.IsCompleted; sent += chunk.Length)
            {
                await stream.WriteAsync(head);
                await stream.WriteAsync(chunk);
                await stream.WriteAsync(tail);
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));
        }
        catch (IOException)
        {
            // refused and closed by the server; its answer is already being read
        }
        return await answer.WaitAsync(TimeSpan.FromSeconds(30));
    }

    // Sends `start`, then `drip` every second until the server answers or closes, or `giveUp` passes.
    private static async Task<Ending> TrickleAsync(Uri address, string start, string drip, TimeSpan giveUp)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(start));
        var answer = ReadToCloseAsync(stream);
        while (clock.Elapsed < giveUp && await Task.WhenAny(answer, Task.Delay(1000)) != answer)
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(drip));
            }
            catch (IOException)
            {
                break; // closed by the server
            }
        }
        if (!answer.IsCompleted) return new Ending(clock.Elapsed, "still open");
        var text = await answer;
        return new Ending(clock.Elapsed, text.Split("\r\n")[0]);
    }

    private static async Task<string> ReadToCloseAsync(NetworkStream stream)
    {
        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer)) > 0) received.Write(buffer, 0, read);
        }
        catch (IOException)
        {
        }
        return Encoding.ASCII.GetString(received.ToArray());
    }
}
