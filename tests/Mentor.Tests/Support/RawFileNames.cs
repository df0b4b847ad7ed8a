using System.Diagnostics;

namespace Mentor.Tests.Support;

/// <summary>File names .NET cannot spell: Linux names are bytes, and .NET strings reach the system as UTF-8 only.</summary>
internal static class RawFileNames
{
    /// <summary>Renames <paramref name="path"/> to <paramref name="folder"/>/café.jpg with the é in Latin-1 (byte E9), by bash.</summary>
    public static void MoveToLatin1Cafe(string path, string folder)
    {
        using var mv = Process.Start("bash", ["-c", "mv \"$0\" \"$1/caf\"$'\\xe9'.jpg", path, folder])!;
        mv.WaitForExit();
        if (mv.ExitCode != 0) throw new IOException($"mv {path}: exit code {mv.ExitCode}");
    }
}
