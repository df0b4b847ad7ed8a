namespace Mentor.Fuzz;

/// <summary>
/// A per-process folder for targets whose parser reads a path: under MENTOR_FUZZ_SCRATCH (bench/fuzz.sh sets it and
/// removes it afterwards: afl-fuzz kills its targets), else in /dev/shm when there is one (no disk writes per run);
/// deleted when the process exits normally.
/// </summary>
internal static class ScratchFolder
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var root = Environment.GetEnvironmentVariable("MENTOR_FUZZ_SCRATCH") is { Length: > 0 } given ? given
            : Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var folder = Path.Combine(root, $"mentor-fuzz-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return folder;
    });

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public static string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder.Value, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
