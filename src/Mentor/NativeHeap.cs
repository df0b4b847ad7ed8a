using System.Runtime.InteropServices;

namespace Mentor;

/// <summary>
/// Gives memory that native libraries have freed back to the operating system. ONNX Runtime makes several
/// transient copies of a model's weights while building a session; glibc keeps such freed pages mapped, so
/// without a trim a process carries them as resident memory for its whole life.
/// </summary>
internal static partial class NativeHeap
{
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

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
