using Microsoft.ML.OnnxRuntime;

namespace Mentor;

/// <summary>
/// The one place ONNX Runtime session options are made: full graph optimisation, sequential execution, one inter-op
/// thread, intra-op threads as asked (0: one per core), and idle threads that do not spin unless asked (spinning pools
/// of two sessions fought over the two cores here and halved throughput).
/// </summary>
internal static class OnnxSessionOptions
{
    /// <summary>New options; the caller disposes them (after creating its sessions).</summary>
    public static SessionOptions Create(int threads = 0, bool allowSpinning = false)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = threads > 0 ? threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", allowSpinning ? "1" : "0");
        return options;
    }
}
