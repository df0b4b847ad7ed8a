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
    /// Loads libtorch and runs a few small operations the heads use, so that a later fit does not pay for it: about 1 s of
    /// loading, initialising and JIT-compiling (bench/results/head-profile-2026-12-02.txt), which a trainer can overlap with
    /// reading or extracting features. A failure to load is left for <see cref="EnsureLoaded"/> to report.
    /// </summary>
    internal static void WarmUp()
    {
        if (LoadFailure.Value is not null) return;
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var rows = torch.ones(64, 33);
        var logits = rows.matmul(torch.ones(10, 33).t()).view(64, 2, 5);
        var logProbabilities = logits - logits.logsumexp(2, keepdim: true);
        _ = (logProbabilities.exp() * logProbabilities).sum().to_type(torch.ScalarType.Float64).item<double>();
        _ = logProbabilities.data<float>().ToArray();
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
