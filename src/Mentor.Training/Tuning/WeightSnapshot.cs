using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>A copy of a network's weights and buffers, to put back the epoch early stopping keeps.</summary>
internal sealed class WeightSnapshot : IDisposable
{
    private readonly Dictionary<string, Tensor> _values;

    private WeightSnapshot(Dictionary<string, Tensor> values) => _values = values;

    public static WeightSnapshot Of(nn.Module network)
    {
        using var noGrad = no_grad();
        return new WeightSnapshot(network.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().clone()));
    }

    public void RestoreInto(nn.Module network)
    {
        using var noGrad = no_grad();
        foreach (var (name, value) in network.state_dict()) value.copy_(_values[name]);
    }

    public void Dispose()
    {
        foreach (var value in _values.Values) value.Dispose();
    }
}
