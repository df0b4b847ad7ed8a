using Mentor.Heads.Mlp;

namespace Mentor.Training.Heads.Mlp;

/// <summary>A one-hidden-layer perceptron (<see cref="MlpTrainer"/>) giving an <see cref="MlpHead"/>.</summary>
public sealed class MlpHeadKind : IHeadKind
{
    /// <inheritdoc/>
    public string Name => MlpHead.Name;

    /// <inheritdoc/>
    public string Description => "one hidden layer with dropout, AdamW, early stopping on the validation photos or a held-out 10%";

    /// <inheritdoc/>
    public FittedHead Fit(HeadTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var fit = new MlpTrainer(new MlpOptions { Seed = data.Seed })
            .Fit(data.TransformedFeatures(), data.Targets, data.ClassCount, data.TransformedValidation(), data.ValidationTargets, data.Transform);
        return new FittedHead(fit.Head, $"epoch={fit.BestEpoch}");
    }
}
