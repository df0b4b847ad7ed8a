using Mentor.Heads;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mentor.Backbones;
using Mentor.Models;
using Mentor.Training.Tuning;

namespace Mentor.Training;

/// <summary>The result of <c>ClassifierTrainer.FitAsync</c>: the head, what it was trained on, and how well it does.</summary>
/// <param name="backbone">The backbone file the features came from.</param>
/// <param name="backboneIdentity">That backbone's identity (name and weights hash), recorded in the model file.</param>
/// <param name="preprocessing">How images became the backbone's input, resize rule included.</param>
/// <param name="head">The fitted head, applying to raw features.</param>
/// <param name="labels">Class names, in the head's class order.</param>
/// <param name="options">The options the run used.</param>
/// <param name="chosenSetting">What the search chose, e.g. <c>C=0.01</c> or <c>k=5</c>.</param>
/// <param name="train">The training split's summary.</param>
/// <param name="validation">The validation split's summary and metrics, or null without one.</param>
/// <param name="test">The test split's summary and metrics, or null without one.</param>
/// <param name="fitSeconds">Seconds spent fitting the head (search included), featurising excluded.</param>
/// <param name="totalSeconds">Seconds for the whole run, featurising included.</param>
/// <param name="fineTuned">The fine-tuned backbone and its history, or null when the backbone stayed frozen.</param>
public sealed class TrainedClassifier(
    BackboneModel backbone,
    string backboneIdentity,
    PreprocessingSpec preprocessing,
    ClassifierHead head,
    IReadOnlyList<string> labels,
    ClassifierTrainingOptions options,
    string chosenSetting,
    SplitSummary train,
    SplitSummary? validation,
    SplitSummary? test,
    double fitSeconds,
    double totalSeconds,
    Tuning.FineTuneResult? fineTuned = null)
{
    /// <summary>The backbone file the features came from (prepared, int8 or, once fine-tuned, the original it was tuned from).</summary>
    public BackboneModel Backbone { get; } = backbone;

    /// <summary>The backbone's identity (name and weights hash), recorded in the model file so loading can check it.</summary>
    public string BackboneIdentity { get; } = backboneIdentity;

    /// <summary>How images became the backbone's input (input size, resize rule, normalisation), recorded in the model file.</summary>
    public PreprocessingSpec Preprocessing { get; } = preprocessing;

    /// <summary>The fitted head; its probabilities follow <see cref="Labels"/>.</summary>
    public ClassifierHead Head { get; } = head;

    /// <summary>Class names, from the training folder's class folders in ordinal order.</summary>
    public IReadOnlyList<string> Labels { get; } = labels;

    /// <summary>The options the run used.</summary>
    public ClassifierTrainingOptions Options { get; } = options;

    /// <summary>What the search chose, e.g. <c>C=0.01</c> or <c>k=5</c>.</summary>
    public string ChosenSetting { get; } = chosenSetting;

    /// <summary>The training split: its folder, images, cache hits and skipped files (no metrics: the head saw these photos).</summary>
    public SplitSummary Train { get; } = train;

    /// <summary>The validation split with the trained model's metrics on it; null when the run had none.</summary>
    public SplitSummary? Validation { get; } = validation;

    /// <summary>The test split with the trained model's metrics on it; null when the run had none.</summary>
    public SplitSummary? Test { get; } = test;

    /// <summary>Seconds spent fitting the head (search included), featurising excluded.</summary>
    public double FitSeconds { get; } = fitSeconds;

    /// <summary>Seconds for the whole run, featurising included.</summary>
    public double TotalSeconds { get; } = totalSeconds;

    /// <summary>The fine-tuned backbone and its training history, when the run fine-tuned.</summary>
    public Tuning.FineTuneResult? FineTuned { get; } = fineTuned;

    /// <summary>Writes the classifier as one ONNX file (backbone, head, softmax, metadata), atomically.</summary>
    /// <param name="path">The model file to write (conventionally <c>.onnx</c>); an existing file is replaced only once the new one is complete.</param>
    public void Save(string path)
    {
        var metadata = new ModelMetadata
        {
            Created = DateTimeOffset.UtcNow,
            Labels = Labels,
            Backbone = Backbone.Spec.Name,
            BackboneIdentity = BackboneIdentity,
            Input = new ModelInput { Size = Preprocessing.InputSize, Resize = Preprocessing.Resize.Id },
            Training = new JsonObject
            {
                ["head"] = Head.Kind,
                ["featureTransform"] = Head.Transform.ToString().ToLowerInvariant(),
                ["chosen"] = ChosenSetting,
                ["seed"] = Options.Seed,
                ["balance"] = Options.Balance,
                ["validationFraction"] = Options.ValidationFraction,
                ["testFraction"] = Options.TestFraction,
                ["trainImages"] = Train.Images,
                ["trainRoot"] = Train.Root,
                ["int8"] = Options.Int8 ? new JsonObject { ["calibrationPhotos"] = Options.CalibrationPhotos, ["calibrationSeed"] = Options.Seed } : null,
                ["fineTune"] = FineTuned is { } tuned ? new JsonObject
                {
                    ["stages"] = tuned.Plan.Stages,
                    ["stagesChosen"] = tuned.Plan.StagesChosen,
                    ["minCrop"] = tuned.Plan.MinCrop,
                    ["cropChosen"] = tuned.Plan.CropChosen,
                    ["stageInput"] = tuned.StageInput,
                    ["epochs"] = tuned.Epochs.Count,
                    ["bestEpoch"] = tuned.BestEpoch,
                    ["averagedEpochs"] = new JsonArray([.. tuned.AveragedEpochs.Select(e => (JsonNode)e)]),
                    ["precision"] = tuned.Precision.Name(),
                    ["views"] = Options.FineTune!.Augmentation is null ? 1 : Options.FineTune.Views,
                    ["augmentation"] = Options.FineTune.Augmentation is not null,
                } : null,
            },
            Metrics = new JsonObject
            {
                ["validation"] = Summary(Validation),
                ["test"] = Summary(Test),
            },
        };
        if (FineTuned is null)
        {
            ClassifierFile.Write(path, Backbone, Head, metadata);
            return;
        }
        // The fine-tuned backbone goes from memory into the model file: no other file to leave behind if the process dies.
        ClassifierFile.Write(path, Backbone, FineTuned.Backbone, Head, metadata);
    }

    private static JsonNode? Summary(SplitSummary? split) => split?.Metrics is not { } m ? null : new JsonObject
    {
        ["images"] = m.Images,
        ["accuracy"] = m.Accuracy,
        ["balancedAccuracy"] = m.BalancedAccuracy,
        ["macroF1"] = m.MacroF1,
        ["top5Accuracy"] = m.Top5Accuracy,
        ["logLoss"] = double.IsFinite(m.LogLoss) ? m.LogLoss : null,
    };
}
