namespace Mentor.Imaging;

/// <summary>Reads image files, turning I/O failures into <see cref="ImageDecodeException"/>s that name the file.</summary>
public static class ImageFile
{
    /// <summary>Files larger than this are refused unread: no supported image of at most 100 megapixels needs more.</summary>
    public const long MaxBytes = 1L << 30;

    /// <summary>Reads the whole file's bytes, undecoded.</summary>
    /// <exception cref="ImageDecodeException">The file is missing, over <see cref="MaxBytes"/>, or cannot be read (permissions, I/O error); the message names it.</exception>
    public static byte[] Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path)) throw new ImageDecodeException(path, "is a link to a folder holding it (a loop); remove the link");
            if (!info.Exists) throw new ImageDecodeException(path, NotFound(path));
            if (info.Length > MaxBytes) throw new ImageDecodeException(path, $"file is {info.Length / (1 << 20)} MB, over the {MaxBytes >> 20} MB limit");
            return File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw new ImageDecodeException(path, "cannot read the file (permission denied); check its permissions");
        }
        catch (IOException e)
        {
            throw new ImageDecodeException(path, $"cannot read the file ({e.Message})");
        }
    }

    // .NET decodes file names as UTF-8, replacing what is not with U+FFFD: such a name no longer opens the file.
    private static string NotFound(string path) =>
        path.Contains('\uFFFD', StringComparison.Ordinal)
            ? "its name is not valid UTF-8, so it cannot be opened; rename it to valid UTF-8 (the convmv tool converts names)"
            : "file not found";
}
