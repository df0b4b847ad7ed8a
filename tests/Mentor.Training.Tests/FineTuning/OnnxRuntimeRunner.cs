using Microsoft.ML.OnnxRuntime;

namespace Mentor.Training.Tests.FineTuning;

/// <summary>Runs serialised ONNX models in ONNX Runtime, the reference the imported modules are held to.</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>Runs <paramref name="model"/> on one float input and returns its (first) output's values.</summary>
    public static float[] Run(byte[] model, string input, float[] values, long[] shape, string output)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 2, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        using var runOptions = new RunOptions();
        using var tensor = OrtValue.CreateTensorValueFromMemory(values, shape);
        using var results = session.Run(runOptions, [input], [tensor], [output]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    public static float MaxAbsDifference(float[] a, float[] b)
    {
        Assert.Equal(a.Length, b.Length);
        float max = 0;
        for (int i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
