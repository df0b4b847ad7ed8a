namespace Mentor.Imaging;

/// <summary>A file that is not a decodable image, or one Mentor refuses to decode (too large).</summary>
/// <param name="path">The file, or the name the bytes were given.</param>
/// <param name="reason">What is wrong with it, for example "not an image" or "file not found".</param>
public sealed class ImageDecodeException(string path, string reason)
    : MentorException($"{path}: {reason}")
{
    /// <summary>The file that failed.</summary>
    public string Path { get; } = path;

    /// <summary>Why it failed, without the path (for summaries that list files).</summary>
    public string Reason { get; } = reason;
}
