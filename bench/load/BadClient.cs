using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace Mentor.LoadTest;

/// <summary>
/// One client sending only bad inputs, <c>perSecond</c> of them (0: back to back): a body over the limit (with <c>Expect: 100-continue</c>, as
/// curl sends large bodies), a PNG with broken pixel data, a decompression bomb (a 90-byte PNG claiming
/// 30000x30000), a truncated photo, text. Counts the answers by kind and status.
/// </summary>
internal sealed class BadClient(HttpClient client, byte[] photo, long oversizedBytes, double perSecond)
{
    public ConcurrentDictionary<string, int> Answers { get; } = new();

    public int Non4xx => Answers.Where(a => !a.Key.Contains(" 4", StringComparison.Ordinal)).Sum(a => a.Value);

    public async Task RunAsync(DateTime until)
    {
        var oversized = new byte[oversizedBytes];
        var inputs = new (string Kind, byte[] Bytes)[]
        {
            ("oversized", oversized), ("corrupt", Corrupt()), ("bomb", Bomb()), ("truncated", photo[..(photo.Length / 3)]), ("text", Encoding.UTF8.GetBytes("not an image")),
        };
        var start = DateTime.UtcNow;
        for (var n = 0; DateTime.UtcNow < until; n++)
        {
            if (perSecond > 0 && start.AddSeconds(n / perSecond) - DateTime.UtcNow is { Ticks: > 0 } wait) await Task.Delay(wait);
            var (kind, bytes) = inputs[n % inputs.Length];
            using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = new ByteArrayContent(bytes) };
            request.Headers.ExpectContinue = kind == "oversized";
            try
            {
                using var response = await client.SendAsync(request);
                Answers.AddOrUpdate($"{kind} {(int)response.StatusCode}", 1, (_, c) => c + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Answers.AddOrUpdate($"{kind} exception {e.GetType().Name}", 1, (_, c) => c + 1);
            }
        }
    }

    private static byte[] Bomb() => Png(30_000, Deflate(new byte[10_000]));

    private static byte[] Corrupt()
    {
        var noise = new byte[500];
        new Random(7).NextBytes(noise);
        noise[0] = 0x78;
        noise[1] = 0x9C;
        return Png(64, noise);
    }

    private static byte[] Png(int side, byte[] idat)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8;
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        foreach (var (type, data) in new[] { ("IHDR", header), ("IDAT", idat), ("IEND", Array.Empty<byte>()) })
        {
            var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
            var number = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
            png.Write(number);
            png.Write(typeAndData);
            BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typeAndData));
            png.Write(number);
        }
        return png.ToArray();
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest)) zlib.Write(data);
        return output.ToArray();
    }
}
