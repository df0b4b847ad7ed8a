using SkiaSharp;

namespace Mentor.Reports.Tests.Support;

/// <summary>Decodes images back with SkiaSharp to check what was drawn.</summary>
internal static class Png
{
    /// <summary>Width, height, number of distinct colours, and the share of pixels that differ from the top-left one.</summary>
    public static (int Width, int Height, int Colours, double Inked) Inspect(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new InvalidDataException("not a decodable image");
        var background = bitmap.GetPixel(0, 0);
        var colours = new HashSet<SKColor>();
        long inked = 0;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add(pixel);
                if (pixel != background) inked++;
            }
        return (bitmap.Width, bitmap.Height, colours.Count, (double)inked / ((long)bitmap.Width * bitmap.Height));
    }

    /// <summary>The share of near-black pixels (text, frames) in the top <paramref name="fraction"/> of the image, where the title goes.</summary>
    public static double DarkShareOfTop(byte[] image, double fraction)
    {
        using var bitmap = SKBitmap.Decode(image) ?? throw new InvalidDataException("not a decodable image");
        var rows = (int)(bitmap.Height * fraction);
        long dark = 0;
        for (var y = 0; y < rows; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (p.Red + p.Green + p.Blue < 200) dark++;
            }
        return (double)dark / ((long)rows * bitmap.Width);
    }

    /// <summary>True when <paramref name="bytes"/> start with the PNG signature.</summary>
    public static bool IsPng(byte[] bytes) => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Saves <paramref name="bytes"/> beside the test assembly (folder <paramref name="folder"/>) for a person to look at.</summary>
    public static void Keep(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(AppContext.BaseDirectory, folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
