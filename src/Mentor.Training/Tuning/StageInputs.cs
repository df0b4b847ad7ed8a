using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// The frozen stages' outputs for a set of photos (one or more views each), kept in memory as one tensor
/// [views x photos, C, H, W]: training views in half precision (half the memory; they are noisy by design),
/// held-out photos in full precision (so the reported accuracy is the exported model's). Owns the tensor.
/// </summary>
internal sealed class StageInputs : IDisposable
{
    private readonly Tensor values;

    public StageInputs(Tensor values, int[] targets, int views)
    {
        this.values = values;
        Targets = targets;
        Views = views;
    }

    /// <summary>The label of each photo.</summary>
    public int[] Targets { get; }

    public int Count => Targets.Length;

    public int Views { get; }

    /// <summary>The stage inputs of <paramref name="photos"/>, view <paramref name="views"/>[i] of photo i, as float32 [n, C, H, W] (the caller owns it).</summary>
    public Tensor Batch(ReadOnlySpan<int> photos, ReadOnlySpan<int> views)
    {
        var rows = new long[photos.Length];
        for (var i = 0; i < rows.Length; i++) rows[i] = (long)views[i] * Count + photos[i];
        using var index = tensor(rows);
        using var selected = values.index_select(0, index);
        return selected.to(ScalarType.Float32);
    }

    /// <summary>The labels of <paramref name="photos"/> as an int64 tensor (the caller owns it).</summary>
    public Tensor Labels(ReadOnlySpan<int> photos)
    {
        var labels = new long[photos.Length];
        for (var i = 0; i < labels.Length; i++) labels[i] = Targets[photos[i]];
        return tensor(labels);
    }

    public void Dispose() => values.Dispose();
}
