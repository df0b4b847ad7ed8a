using System.Runtime.InteropServices;

namespace Mentor;

/// <summary>
/// Gives memory that native libraries have freed back to the operating system. ONNX Runtime makes several
/// transient copies of a model's weights while building a session; glibc keeps such freed pages mapped, so
/// without a trim a process carries them as resident memory for its whole life.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>Returns freed native heap pages to the OS (glibc's malloc_trim); a no-op elsewhere.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (e.g. musl): nothing to do.
        }
    }

    /// <summary>
    /// Caps glibc's malloc arenas (one per thread by default, up to 8 per core) for a long-running process with many
    /// short-lived request threads: each arena keeps its own freed pages, so resident memory creeps up. Call early.
    /// </summary>
    public static void LimitArenas(int arenas)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            _ = MallOpt(ArenaMax, arenas);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc: nothing to do.
        }
    }

    private const int ArenaMax = -8; // M_ARENA_MAX in glibc's malloc.h

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
