using Mentor.Cli.Terminal;
using Mentor.Features;
using Mentor.Training;
using Mentor.Training.Tuning;
using Spectre.Console;

namespace Mentor.Cli.Commands;

/// <summary>The fine-tuning part of <see cref="TrainingReport"/>: settings, time, and every epoch's figures.</summary>
internal sealed record FineTuneReport(
    int Stages,
    string StageInput,
    int Views,
    bool Augmentation,
    long TrainedParameters,
    double? InitialValidationAccuracy,
    int BestEpoch,
    IReadOnlyList<int> AveragedEpochs,
    string Kept,
    double ViewSeconds,
    double TrainingSeconds,
    double? ExportAgreement,
    string Precision,
    FineTunePlan Plan,
    IReadOnlyList<Training.Tuning.EpochReport> Epochs)
{
    public static FineTuneReport From(Training.Tuning.FineTuneResult tuned, Training.Tuning.FineTuneOptions options, double? exportAgreement) => new(
        tuned.Plan.Stages, tuned.StageInput, options.Augmentation is null ? 1 : options.Views, options.Augmentation is not null, tuned.TrainedParameters,
        tuned.InitialValidationAccuracy, tuned.BestEpoch, tuned.AveragedEpochs, tuned.KeptWeights, Math.Round(tuned.ViewSeconds, 1), Math.Round(tuned.TrainingSeconds, 1), exportAgreement,
        tuned.Precision.Name(), tuned.Plan, tuned.Epochs);
}
