using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Baselines;

/// <summary>
/// A network sized for training from scratch on a few thousand photos and a CPU: a stride-2 3x3 stem, then four blocks
/// of two 3x3 convolutions (batch norm, ReLU) and a 2x2 max pool, 32 to 256 channels (1.2 M parameters), global average
/// pooling, dropout and a linear classifier; the kind of network a practitioner would train from scratch at 64-128
/// pixels. The stem halves the side before the widest maps: without it the first block costs as much as the other three
/// and two CPU cores manage about 50 photos a second at 64 pixels, too few epochs for a budget of minutes.
/// Input: normalised RGB [N, 3, side, side], any side divisible by 32. Output: logits.
/// </summary>
internal sealed class SmallCnn : nn.Module<Tensor, Tensor>
{
    private static readonly int[] Widths = [32, 64, 128, 256];
    private readonly Sequential features;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public SmallCnn(int classes) : base(nameof(SmallCnn))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        layers.Add(("stem", nn.Conv2d(3, Widths[0], 3, stride: 2, padding: 1, bias: false)));
        layers.Add(("stem_norm", nn.BatchNorm2d(Widths[0])));
        layers.Add(("stem_relu", nn.ReLU(inplace: true)));
        var channels = Widths[0];
        for (var b = 0; b < Widths.Length; b++)
        {
            for (var c = 0; c < 2; c++)
            {
                layers.Add(($"conv{b}_{c}", nn.Conv2d(channels, Widths[b], 3, padding: 1, bias: false)));
                layers.Add(($"norm{b}_{c}", nn.BatchNorm2d(Widths[b])));
                layers.Add(($"relu{b}_{c}", nn.ReLU(inplace: true)));
                channels = Widths[b];
            }
            layers.Add(($"pool{b}", nn.MaxPool2d(2)));
        }
        features = nn.Sequential(layers);
        dropout = nn.Dropout(0.2);
        classifier = nn.Linear(channels, classes);
        RegisterComponents();
        using var noGrad = no_grad();
        foreach (var module in modules())
            if (module is Conv2d conv) nn.init.kaiming_normal_(conv.weight!, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = features.forward(input).mean([2, 3]);
        return classifier.forward(dropout.forward(pooled)).MoveToOuterDisposeScope();
    }
}
