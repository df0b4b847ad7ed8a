using System.Globalization;
using Mentor.Heads.Logistic;

namespace Mentor.Training.Heads.Logistic;

/// <summary>The default head: multinomial logistic regression (<see cref="LogisticRegressionTrainer"/>) giving a <see cref="LinearHead"/>.</summary>
public sealed class LogisticHeadKind : IHeadKind
{
    /// <inheritdoc/>
    public string Name => LinearHead.Name;

    /// <inheritdoc/>
    public string Description => "multinomial logistic regression, L2 chosen by cross-validation or on the validation photos (default)";

    /// <inheritdoc/>
    public FittedHead Fit(HeadTrainingData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions
        {
            Seed = data.Seed, Balance = data.Balance, Folds = data.Folds, C = KnownSettings.Number(data.KnownSetting, "C"),
        });
        var linear = trainer.Fit(data.Features, data.Targets, data.ClassCount, data.ValidationFeatures, data.ValidationTargets, data.Transform);
        return new FittedHead(new LinearHead(linear.Weights.Span, linear.Bias.Span, data.Transform), string.Create(CultureInfo.InvariantCulture, $"C={linear.C:G4}"));
    }
}
