using Mentor.Backbones;

namespace Mentor;

/// <summary>A network that maps batches of prepared images to one vector each: a backbone (features) or a classifier (probabilities).</summary>
public interface IImageBatchModel
{
    /// <summary>Changes whenever the weights do; part of cache keys.</summary>
    string Identity { get; }

    /// <summary>How images become this model's input.</summary>
    PreprocessingSpec Preprocessing { get; }

    /// <summary>Length of the vector per image.</summary>
    int OutputSize { get; }

    /// <summary>
    /// Runs <paramref name="count"/> images laid out one after another in <paramref name="inputs"/> (each
    /// <see cref="PreprocessingSpec.TensorLength"/> floats), writing <see cref="OutputSize"/> floats per image to <paramref name="outputs"/>.
    /// Not thread-safe.
    /// </summary>
    void Run(float[] inputs, int count, float[] outputs);

    /// <summary>As <see cref="Run(float[], int, float[])"/>, stopping part-way (with <see cref="OperationCanceledException"/>) when cancelled.</summary>
    void Run(float[] inputs, int count, float[] outputs, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        Run(inputs, count, outputs);
    }
}
