using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// The running mean of a network's weights over the epochs added (stochastic weight averaging at epoch ends). Only valid
/// where batch-norm statistics do not change, as in fine-tuning by default: otherwise the averaged weights would need
/// statistics of their own. Integer buffers keep the last value added.
/// </summary>
internal sealed class WeightAverage : IDisposable
{
    private readonly Dictionary<string, Tensor> _sums = new(StringComparer.Ordinal);

    /// <summary>The 1-based epochs added, in order.</summary>
    public List<int> Epochs { get; } = [];

    public void Add(nn.Module network, int epoch)
    {
        using var noGrad = no_grad();
        var state = network.state_dict();
        using var scope = NewDisposeScope();
        foreach (var (name, value) in state)
        {
            var current = value.detach();
            if (!current.is_floating_point()) Replace(name, current.clone());
            // Summed in double precision: the mean does not depend on the order rounding happened in.
            else if (_sums.TryGetValue(name, out var sum)) sum.add_(current.to_type(ScalarType.Float64));
            else Replace(name, current.to_type(ScalarType.Float64, copy: true));
        }
        Epochs.Add(epoch);
    }

    private void Replace(string name, Tensor value)
    {
        if (_sums.Remove(name, out var old)) old.Dispose();
        _sums[name] = value.DetachFromDisposeScope();
    }

    /// <summary>Writes the mean of the epochs added into <paramref name="network"/>'s weights.</summary>
    public void RestoreInto(nn.Module network)
    {
        if (Epochs.Count == 0) throw new InvalidOperationException("No epoch was added to the average.");
        using var noGrad = no_grad();
        foreach (var (name, value) in network.state_dict())
        {
            var sum = _sums[name];
            if (!value.is_floating_point()) value.copy_(sum);
            else
            {
                using var mean = sum / Epochs.Count;
                value.copy_(mean);
            }
        }
    }

    public void Dispose()
    {
        foreach (var sum in _sums.Values) sum.Dispose();
    }
}
