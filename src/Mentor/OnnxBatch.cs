using Microsoft.ML.OnnxRuntime;

namespace Mentor;

/// <summary>Runs one batch through a session over caller-owned buffers (no copies), stopping mid-run when cancelled.</summary>
internal static class OnnxBatch
{
    /// <summary>
    /// Runs <paramref name="session"/> with <paramref name="inputs"/> (shaped <paramref name="inputShape"/>) as the input named
    /// <paramref name="input"/>, writing the output named <paramref name="output"/> into <paramref name="outputs"/>
    /// (shaped <paramref name="outputShape"/>); <paramref name="cancellation"/> stops ONNX Runtime part-way.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; ONNX Runtime was told to stop.</exception>
    public static void Run(InferenceSession session, string input, float[] inputs, long[] inputShape, string output, float[] outputs, long[] outputShape,
        CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var inputLength = (int)inputShape.Aggregate(1L, (a, b) => a * b);
        var outputLength = (int)outputShape.Aggregate(1L, (a, b) => a * b);
        if (inputs.Length < inputLength || outputs.Length < outputLength)
            throw new ArgumentException($"buffers too small for a batch of {inputShape[0]}");
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, inputs.AsMemory(0, inputLength), inputShape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, outputs.AsMemory(0, outputLength), outputShape);
        using var runOptions = new RunOptions();
        // A batch takes up to a second or more on a busy machine: Ctrl+C must not wait for it.
        using var stop = cancellation.Register(static state => ((RunOptions)state!).Terminate = true, runOptions);
        try
        {
            session.Run(runOptions, [input], [inputValue], [output], [outputValue]);
        }
        catch (OnnxRuntimeException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
    }
}
