namespace Mentor;

/// <summary>
/// A file could not be written because its disk is full. Nothing was left under the file's name: the partial temporary
/// copy is removed, so a later run after freeing space starts clean.
/// </summary>
public sealed class DiskFullException : MentorException
{
    /// <summary>Reports that <paramref name="path"/> could not be written; the message names the folder and the free space left there.</summary>
    /// <param name="path">The file that was being written.</param>
    /// <param name="bytesToWrite">Its size in bytes, or null when it was not known before writing.</param>
    /// <param name="inner">The <see cref="IOException"/> that reported the full disk.</param>
    public DiskFullException(string path, long? bytesToWrite, Exception inner)
        : base(Describe(path, bytesToWrite), inner)
    {
        Path = path;
        BytesToWrite = bytesToWrite;
    }

    /// <summary>The file that was being written.</summary>
    public string Path { get; }

    /// <summary>Its size, where it was known before writing.</summary>
    public long? BytesToWrite { get; }

    /// <summary>True when <paramref name="e"/> reports a full disk (ENOSPC on Unix, ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL on Windows).</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException && (e.HResult & 0xFFFF) is 28 or 0x70 or 0x27;

    private static string Describe(string path, long? bytes)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? path;
        long? free = null;
        try { free = new DriveInfo(directory).AvailableFreeSpace; } catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
        var size = bytes is { } b ? $"{Megabytes(b)} to write, " : "";
        var left = free is { } f ? $"{Megabytes(f)} free" : "no free space";
        return $"{path}: the disk is full ({size}{left} in {directory}); nothing was written under this name: free some space there or write to another disk, then run again.";
    }

    private static string Megabytes(long bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.##} MB");
}
