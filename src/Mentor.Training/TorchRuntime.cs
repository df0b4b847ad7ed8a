using TorchSharp;

namespace Mentor.Training;

/// <summary>
/// Loads libtorch once and scopes its thread count. Every trainer goes through here, so a missing or
/// unpatched native library surfaces as one <see cref="TorchUnavailableException"/> that names the fix.
/// </summary>
public static class TorchRuntime
{
    static readonly Lazy<Exception?> LoadFailure = new(TryLoad);

    /// <summary>Makes sure libtorch is loaded; throws <see cref="TorchUnavailableException"/> if it cannot be.</summary>
    public static void EnsureLoaded()
    {
        if (LoadFailure.Value is { } failure)
        {
            throw new TorchUnavailableException(
                "TorchSharp's native library (libtorch) failed to load, so nothing can be trained. " +
                "On Linux with a libstdc++ older than GCC 13's (e.g. Debian 12), the project that runs training must import " +
                "build/TorchSharpNativeFix.targets, which patches libLibTorchSharp.so in its output; then rebuild it. " +
                "Cause: " + failure.Message.Split('\n')[0],
                failure);
        }
    }

    /// <summary>
    /// Sets libtorch's intra-op thread count until the returned scope is disposed (then restores it);
    /// null leaves it unchanged. The count is process-wide: scopes on concurrent threads race. The caller
    /// disposes the scope.
    /// </summary>
    public static IDisposable UseThreads(int? threads)
    {
        EnsureLoaded();
        if (threads is not { } count) return new ThreadScope(null);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(threads));
        int previous = torch.get_num_threads();
        torch.set_num_threads(count);
        return new ThreadScope(previous);
    }

    static Exception? TryLoad()
    {
        try
        {
            NumericReproducibility.Apply();
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is NotSupportedException or DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            return e is TypeInitializationException { InnerException: { } inner } ? inner : e;
        }
    }

    sealed class ThreadScope(int? previous) : IDisposable
    {
        public void Dispose()
        {
            if (previous is { } count) torch.set_num_threads(count);
        }
    }
}
