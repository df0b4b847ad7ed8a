using System.IO.Hashing;

namespace Mentor.Studio.Photos;

/// <summary>
/// Thumbnails kept in <c>.mentor-studio/thumbs</c>, keyed by the photo's content (XxHash128), so that moving or
/// renaming a photo keeps its thumbnail and a changed photo gets a new one. Files are written atomically.
/// </summary>
public sealed class ThumbnailCache(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>The content key of a photo's bytes (also the thumbnail's ETag).</summary>
    public static string KeyOf(byte[] photo) => Convert.ToHexStringLower(XxHash128.Hash(photo));

    /// <summary>The thumbnail of the photo at <paramref name="path"/>, made and stored on first use.</summary>
    public (byte[] Jpeg, string Key) Get(string path)
    {
        var bytes = Imaging.ImageFile.Read(path);
        var key = KeyOf(bytes);
        var file = PathFor(key);
        if (File.Exists(file))
        {
            try { return (File.ReadAllBytes(file), key); }
            catch (IOException) { } // raced with a writer: make it again
        }
        var jpeg = Thumbnail.Make(bytes, Path.GetFileName(path));
        Put(key, jpeg);
        return (jpeg, key);
    }

    /// <summary>Stores a thumbnail made when the photo arrived.</summary>
    public void Put(string key, byte[] jpeg)
    {
        Directory.CreateDirectory(Folder);
        AtomicFile.WriteAllBytes(PathFor(key), jpeg);
    }

    private string PathFor(string key) => Path.Combine(Folder, key + ".jpg");
}
