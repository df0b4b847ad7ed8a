using System.Runtime.InteropServices;

namespace Mentor.Training;

/// <summary>
/// Makes libtorch's CPU maths repeatable run to run. Its MKL picks code paths by the memory alignment of each
/// buffer, so the same fit gave weights differing in the third digit between two calls of one process (seen here
/// on small, weakly regularised problems). MKL's conditional numerical reproducibility mode (<c>MKL_CBWR=AUTO,STRICT</c>:
/// the fastest path for this CPU, independent of alignment) removes that at no measured cost. MKL reads the variable
/// from the native environment when it initialises, so it is set there, before libtorch loads, unless the user set it.
/// </summary>
internal static partial class NumericReproducibility
{
    private const string Variable = "MKL_CBWR";
    private const string Value = "AUTO,STRICT";

    public static void Apply()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) return;
        if (OperatingSystem.IsWindows())
            Environment.SetEnvironmentVariable(Variable, Value); // the process environment itself on Windows
        else
            _ = SetEnv(Variable, Value, overwrite: 0); // .NET keeps a copy of the environment on Unix; MKL reads the C one
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
