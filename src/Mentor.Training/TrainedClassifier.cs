using Mentor.Heads;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mentor.Backbones;
using Mentor.Models;

namespace Mentor.Training;

/// <summary>The result of <c>ClassifierTrainer.FitAsync</c>: the head, what it was trained on, and how well it does.</summary>
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
    public string BackboneIdentity { get; } = backboneIdentity;
    public PreprocessingSpec Preprocessing { get; } = preprocessing;
    public ClassifierHead Head { get; } = head;
    public IReadOnlyList<string> Labels { get; } = labels;
    public ClassifierTrainingOptions Options { get; } = options;

    /// <summary>What the search chose, e.g. <c>C=0.01</c> or <c>k=5</c>.</summary>
    public string ChosenSetting { get; } = chosenSetting;

    public SplitSummary Train { get; } = train;
    public SplitSummary? Validation { get; } = validation;
    public SplitSummary? Test { get; } = test;

    /// <summary>Seconds spent fitting the head (search included), featurising excluded.</summary>
    public double FitSeconds { get; } = fitSeconds;

    /// <summary>Seconds for the whole run, featurising included.</summary>
    public double TotalSeconds { get; } = totalSeconds;

    /// <summary>The fine-tuned backbone and its training history, when the run fine-tuned.</summary>
    public Tuning.FineTuneResult? FineTuned { get; } = fineTuned;

    /// <summary>Writes the classifier as one ONNX file (backbone, head, softmax, metadata), atomically.</summary>
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
                    ["stages"] = Options.FineTune!.Stages,
                    ["stageInput"] = tuned.StageInput,
                    ["epochs"] = tuned.Epochs.Count,
                    ["bestEpoch"] = tuned.BestEpoch,
                    ["views"] = Options.FineTune.Augmentation is null ? 1 : Options.FineTune.Views,
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
