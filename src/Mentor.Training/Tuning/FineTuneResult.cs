using Mentor.Heads.Logistic;
using Mentor.Models;

namespace Mentor.Training.Tuning;

/// <summary>What <see cref="FineTuner"/> made: a backbone with trained top stages and its head, and how training went.</summary>
/// <param name="backbone">The whole fine-tuned backbone as ONNX bytes.</param>
/// <param name="head">The head trained with it.</param>
/// <param name="stageInput">The graph value the trained stages start from.</param>
/// <param name="epochs">Every epoch's figures, in order.</param>
/// <param name="bestEpoch">The 1-based epoch kept (the last one averaged, when weights were averaged); 0 when the head on frozen features was kept.</param>
/// <param name="averagedEpochs">The epochs whose mean weights were kept, or none when a single epoch was.</param>
/// <param name="initialValidationAccuracy">Validation accuracy before fine-tuning, or null.</param>
/// <param name="validationProbabilities">The kept model's probabilities per validation photo, or null.</param>
/// <param name="testProbabilities">The kept model's probabilities per test photo, or null.</param>
/// <param name="viewSeconds">Seconds running the frozen stages over every view.</param>
/// <param name="trainingSeconds">Seconds in the epochs.</param>
/// <param name="trainedParameters">Trainable parameters (stages and head).</param>
/// <param name="precision">What the convolutions computed in during the epochs (decided, never <see cref="FineTunePrecision.Auto"/>).</param>
/// <param name="plan">The stages and crop used, and whether the data chose them.</param>
public sealed class FineTuneResult(byte[] backbone, LinearHead head, string stageInput, IReadOnlyList<EpochReport> epochs, int bestEpoch, IReadOnlyList<int> averagedEpochs,
    double? initialValidationAccuracy,
    float[][]? validationProbabilities, float[][]? testProbabilities, double viewSeconds, double trainingSeconds, long trainedParameters, FineTunePrecision precision,
    FineTunePlan plan)
{
    /// <summary>The whole backbone as an ONNX model: the original graph, the fine-tuned stages' weights.</summary>
    public byte[] Backbone { get; } = backbone;

    /// <summary>The head trained together with the stages, applying to the fine-tuned backbone's raw features.</summary>
    public LinearHead Head { get; } = head;

    /// <summary>The value the trained stages start from (everything before it stayed frozen).</summary>
    public string StageInput { get; } = stageInput;

    /// <summary>Loss, accuracy and learning rates of every epoch run, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs { get; } = epochs;

    /// <summary>
    /// The 1-based epoch whose weights were kept (best validation accuracy), or the last of <see cref="AveragedEpochs"/>;
    /// 0 when none beat the head on frozen features, which is then kept.
    /// </summary>
    public int BestEpoch { get; } = bestEpoch;

    /// <summary>The 1-based epochs whose mean weights were kept (see <see cref="FineTuneOptions.AverageWeights"/>); empty when a single epoch was.</summary>
    public IReadOnlyList<int> AveragedEpochs { get; } = averagedEpochs;

    /// <summary>What was kept, for people: "epochs 7-10 averaged", "epoch 6", or "the head on frozen features".</summary>
    public string KeptWeights => AveragedEpochs.Count > 0 ? $"epochs {AveragedEpochs[0]}-{AveragedEpochs[^1]} averaged"
        : BestEpoch > 0 ? $"epoch {BestEpoch}" : "the head on frozen features";

    /// <summary>Validation accuracy before fine-tuning: the head on frozen features (null without validation photos, or from scratch).</summary>
    public double? InitialValidationAccuracy { get; } = initialValidationAccuracy;

    /// <summary>The kept model's class probabilities for each validation photo, when there are validation photos.</summary>
    public float[][]? ValidationProbabilities { get; } = validationProbabilities;

    /// <summary>The kept model's class probabilities for each test photo, when there is a test set.</summary>
    public float[][]? TestProbabilities { get; } = testProbabilities;

    /// <summary>Seconds spent running the frozen stages over every view.</summary>
    public double ViewSeconds { get; } = viewSeconds;

    /// <summary>Seconds spent in the epochs.</summary>
    public double TrainingSeconds { get; } = trainingSeconds;

    /// <summary>Trainable parameters (backbone stages and head).</summary>
    public long TrainedParameters { get; } = trainedParameters;

    /// <summary>What the convolutions computed in during the epochs: <see cref="FineTunePrecision.Float32"/> or <see cref="FineTunePrecision.BFloat16"/>.</summary>
    public FineTunePrecision Precision { get; } = precision;

    /// <summary>The stages that trained and the crop used, with the probes that chose them.</summary>
    public FineTunePlan Plan { get; } = plan;
}
