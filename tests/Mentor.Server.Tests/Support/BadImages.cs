using System.IO.Compression;
using System.IO.Hashing;
using System.Buffers.Binary;
using System.Text;

namespace Mentor.Server.Tests.Support;

/// <summary>Inputs a server must refuse: a decompression bomb, a truncated photo, a PNG with broken pixel data, text.</summary>
internal static class BadImages
{
    /// <summary>A 90-byte PNG whose header claims <paramref name="side"/> x <paramref name="side"/> pixels (30000: 900 megapixels).</summary>
    public static byte[] Bomb(int side = 30_000) => Png(side, Deflate(new byte[10_000]));

    /// <summary>A 64x64 PNG with a valid header whose compressed pixel data is noise.</summary>
    public static byte[] Corrupt()
    {
        var noise = new byte[500];
        new Random(7).NextBytes(noise);
        noise[0] = 0x78; // a zlib header, then garbage
        noise[1] = 0x9C;
        return Png(64, noise);
    }

    private static byte[] Png(int side, byte[] idat)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, side);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth 8, colour type 2 (RGB)
        header[9] = 2;
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", idat);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The first <paramref name="keep"/> bytes of a real photo.</summary>
    public static byte[] Truncated(string photo, int keep = 3000) => File.ReadAllBytes(photo)[..keep];

    public static byte[] Text => Encoding.UTF8.GetBytes("this is a text file, not a photo\n");

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.HashToUInt32(typeAndData));
        png.Write(number);
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest)) zlib.Write(data);
        return output.ToArray();
    }
}
