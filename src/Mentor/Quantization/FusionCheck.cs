using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Asks ONNX Runtime which kernels a model really runs: builds a session with the options Mentor's backbones use,
/// saves the optimised graph (<see cref="SessionOptions.OptimizedModelFilePath"/>) and counts its operators.
/// </summary>
public static class FusionCheck
{
    /// <summary>The operators of <paramref name="model"/> after ONNX Runtime's full optimisation on this machine.</summary>
    public static FusionReport Inspect(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var optimized = Path.Combine(Path.GetTempPath(), $"mentor-fusion-{Environment.ProcessId}-{Guid.NewGuid():N}.onnx");
        try
        {
            using (var options = OnnxSessionOptions.Create(threads: 1))
            {
                options.OptimizedModelFilePath = optimized;
                options.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
                using (new InferenceSession(model, options)) { }
            }
            var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph;
            var counts = graph.Node
                .GroupBy(n => string.IsNullOrEmpty(n.Domain) || n.Domain == "ai.onnx" ? n.OpType : $"{n.Domain}:{n.OpType}", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new FusionReport(counts);
        }
        finally
        {
            try { File.Delete(optimized); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
