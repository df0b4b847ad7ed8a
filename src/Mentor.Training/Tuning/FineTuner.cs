using Mentor.Heads.Logistic;
using System.Diagnostics;
using Google.Protobuf;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using Mentor.Models;
using Mentor.Training.FineTuning;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Tuning;

/// <summary>
/// Fine-tunes the top stages of a backbone together with a linear head already fitted on frozen features:
/// the frozen stages run once per view in ONNX Runtime (<see cref="StageInputExtraction"/>); the top stages and the
/// head train in libtorch with AdamW (a lower learning rate for the backbone), linear warm-up then cosine decay,
/// label smoothing and gradient clipping. The weights kept are the mean of the epochs in the second half of the decay
/// (<see cref="FineTuneOptions.AverageWeights"/>) or the epoch the validation photos liked best; either must beat the
/// head on frozen features on those photos, or that head is kept. Same seed, same result.
/// </summary>
/// <param name="options">Stages, views, learning rates, epochs and stopping; null: the defaults.</param>
/// <param name="seed">Seeds the augmented views, the batch order and libtorch's generator.</param>
public sealed class FineTuner(FineTuneOptions? options = null, int seed = 42)
{
    /// <summary>The options every run uses (defaults when none were given).</summary>
    public FineTuneOptions Options { get; } = options ?? new FineTuneOptions();

    /// <summary>Seeds the augmented views, the batch order and libtorch's generator: the same seed and data give the same weights.</summary>
    public int Seed { get; } = seed;

    /// <summary>Fine-tunes the fp32 <paramref name="backbone"/> with <paramref name="head"/> on the photos of <paramref name="train"/>.</summary>
    /// <param name="backbone">The prepared backbone (its ONNX file is imported; never modified).</param>
    /// <param name="resize">The resize rule the head was trained with; null: the backbone's default.</param>
    /// <param name="head">The head fitted on frozen features of the same backbone.</param>
    /// <param name="train">Training photos (paths and labels; the ones that featurised).</param>
    /// <param name="validation">Photos that choose the epoch kept; null: no early stopping, the last epoch is kept.</param>
    /// <param name="test">Photos only measured, or null.</param>
    /// <param name="progress">Receives the frozen stages' progress, then each batch and each finished epoch.</param>
    /// <param name="cancellation">Stops between batches.</param>
    public async Task<FineTuneResult> RunAsync(BackboneModel backbone, ResizeRule? resize, LinearHead head, DatasetFeatures train, DatasetFeatures? validation,
        DatasetFeatures? test, IProgress<FineTuneProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(train);
        Options.Validate();
        if (validation is { Count: 0 }) validation = null;
        TorchRuntime.EnsureLoaded();
        NativeHeap.FixMmapThreshold();
        using var threads = TorchRuntime.UseThreads(Options.Threads ?? Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(backbone.Path));
        var plan = await FineTunePlanner.ChooseAsync(backbone, model.Graph, resize, head, train, validation, Options, Seed, progress, cancellation).ConfigureAwait(false);
        var stageInput = Options.FromScratch ? BackboneModel.InputName : StageFinder.InputOfLastStages(model.Graph, plan.Stages);
        var augmentation = Options.Augmentation is null ? null : Options.Augmentation with { MinScale = plan.MinCrop };

        var (trainInputs, validationInputs, testInputs) = await ExtractStageInputs(backbone, resize, stageInput, augmentation, train, validation, test, progress, cancellation)
            .ConfigureAwait(false);
        var viewSeconds = clock.Elapsed.TotalSeconds;
        using (trainInputs)
        using (validationInputs)
        using (testInputs)
        {
            random.manual_seed(Seed);
            using var top = OnnxModuleImporter.Import(model, [BackboneModel.OutputName], [stageInput]);
            if (Options.FromScratch)
            {
                RandomInitialization.Apply(top);
                head = new LinearHead(new float[head.Weights.Length], new float[head.ClassCount]);
            }
            top.AllBatchNormInEvalMode = !(Options.UpdateBatchNormStatistics || Options.FromScratch);
            var precision = BFloat16Support.Resolve(Options.Precision);
            using var network = new TunedNetwork(top, head);
            var (epochs, bestEpoch, averaged, initialAccuracy) = Train(network, trainInputs, validationInputs, precision, clock, progress, cancellation);
            var trainingSeconds = clock.Elapsed.TotalSeconds - viewSeconds;

            var validationProbabilities = validationInputs is null ? null : Evaluate(network, validationInputs).Probabilities;
            var testProbabilities = testInputs is null ? null : Evaluate(network, testInputs).Probabilities;
            var trained = network.parameters().Where(p => p.requires_grad).Sum(p => p.numel());
            return new FineTuneResult(WithTrainedWeights(model, top), network.ToLinearHead(), stageInput, epochs, bestEpoch, averaged, initialAccuracy,
                validationProbabilities, testProbabilities, viewSeconds, trainingSeconds, trained, precision, plan);
        }
    }

    private async Task<(StageInputs, StageInputs?, StageInputs?)> ExtractStageInputs(BackboneModel backbone, ResizeRule? resize, string stageInput,
        Augmentation? augmentation, DatasetFeatures train, DatasetFeatures? validation, DatasetFeatures? test, IProgress<FineTuneProgress>? progress,
        CancellationToken cancellation)
    {
        using var part = BackbonePart.Load(backbone, stageInput, BackboneOptions.Default with { Resize = resize });
        var views = augmentation is null ? 1 : Options.Views;
        var batch = ExtractionOptions.Default.BatchSize;
        StageInputs? trainInputs = null, validationInputs = null;
        try
        {
            trainInputs = await StageInputExtraction.ExtractAsync(part, train.Paths, train.Targets, views, augmentation, Seed, half: true, batch,
                Report(progress, "views"), cancellation).ConfigureAwait(false);
            validationInputs = validation is null ? null : await StageInputExtraction.ExtractAsync(part, validation.Paths, validation.Targets, 1, null, Seed,
                half: false, batch, Report(progress, "validation views"), cancellation).ConfigureAwait(false);
            var testInputs = test is null ? null : await StageInputExtraction.ExtractAsync(part, test.Paths, test.Targets, 1, null, Seed, half: false, batch,
                Report(progress, "test views"), cancellation).ConfigureAwait(false);
            return (trainInputs, validationInputs, testInputs);
        }
        catch
        {
            trainInputs?.Dispose();
            validationInputs?.Dispose();
            throw;
        }
    }

    private static Progress? Report(IProgress<FineTuneProgress>? progress, string phase) =>
        progress is null ? null : new Progress(p => progress.Report(new FineTuneProgress(phase, p, 0, 0, 0, 0, 0, null)));

    private (List<EpochReport> Epochs, int Best, IReadOnlyList<int> Averaged, double? InitialAccuracy) Train(TunedNetwork network, StageInputs train, StageInputs? validation,
        FineTunePrecision precision, Stopwatch runClock, IProgress<FineTuneProgress>? progress, CancellationToken cancellation)
    {
        var (backbone, head) = network.ParameterGroups();
        // Weight decay on weight matrices and kernels only, not on biases or batch-norm scales and shifts.
        var groups = new[]
        {
            Group(backbone.Where(p => p.dim() > 1), Options.BackboneLearningRate, Options.WeightDecay),
            Group(backbone.Where(p => p.dim() <= 1), Options.BackboneLearningRate, 0),
            Group(head.Where(p => p.dim() > 1), Options.HeadLearningRate, Options.WeightDecay),
            Group(head.Where(p => p.dim() <= 1), Options.HeadLearningRate, 0),
        };
        var peaks = groups.Select(g => g.LearningRate).ToArray();
        using var optimizer = optim.AdamW(groups);
        var trainable = backbone.Concat(head).ToList();

        var headOnlyEpochs = Options.FromScratch ? 0 : Math.Min(Options.HeadOnlyEpochs, Options.Epochs - 1);
        var stepsPerEpoch = (train.Count + Options.BatchSize - 1) / Options.BatchSize;
        // The schedule starts when the stages join: the head-only epochs run at a tenth of the head's peak rate.
        var schedule = new LearningRateSchedule((int)Math.Round(Options.WarmupEpochs * stepsPerEpoch), (Options.Epochs - headOnlyEpochs) * stepsPerEpoch);
        var shuffle = new Random(Seed);
        var reports = new List<EpochReport>();
        // Epoch 0 is the head fitted on frozen features: an epoch is kept only if it beats that (from scratch, epoch 0 is chance).
        var (initialAccuracy, initialLoss) = (double.NegativeInfinity, double.PositiveInfinity);
        if (validation is not null && !Options.FromScratch) (_, initialLoss, initialAccuracy) = Evaluate(network, validation);
        var best = (Accuracy: initialAccuracy, Loss: initialLoss, Epoch: 0);
        var kept = validation is null || Options.FromScratch ? null : WeightSnapshot.Of(network);
        // Averaging needs batch-norm statistics that stay the same from epoch to epoch.
        using var lateEpochs = Options.AverageWeights && !Options.FromScratch && !Options.UpdateBatchNormStatistics ? new WeightAverage() : null;
        // The learning-rate multiplier of the latest step: epochs that end at half the peak rate or less join the average.
        var factor = 1.0;
        // Patience counts from the best trained epoch: the first epochs may all trail a strong head on frozen features while they recover from the warm-up.
        var bestTrained = (Accuracy: double.NegativeInfinity, Epoch: 0);
        var step = 0;
        var trainingStart = runClock.Elapsed.TotalSeconds;
        var outOfTime = false;
        try
        {
            for (var epoch = 1; epoch <= Options.Epochs; epoch++)
            {
                var clock = Stopwatch.StartNew();
                var headOnly = epoch <= headOnlyEpochs;
                network.train();
                network.Top.ConvolutionsInBFloat16 = precision == FineTunePrecision.BFloat16;
                // Stages that do not require gradients are not back-propagated through: a head-only epoch costs a forward pass.
                foreach (var parameter in backbone) parameter.requires_grad = !headOnly;
                var stepped = headOnly ? head : trainable;
                var order = Enumerable.Range(0, train.Count).ToArray();
                shuffle.Shuffle(order);
                // Each epoch shows every photo once, in a view it has not shown recently.
                var views = order.Select(i => (i + epoch - 1) % train.Views).ToArray();
                double lossSum = 0;
                var correct = 0;
                var seen = 0;
                for (var start = 0; start < order.Length; start += Options.BatchSize)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var count = Math.Min(Options.BatchSize, order.Length - start);
                    factor = headOnly ? 1 : schedule.At(step++, TimeProgress(runClock, trainingStart));
                    for (var g = 0; g < groups.Length; g++) groups[g].LearningRate = !headOnly ? peaks[g] * factor : g < 2 ? 0 : peaks[g] / 10;
                    using var scope = NewDisposeScope();
                    var photos = order.AsSpan(start, count);
                    var inputs = train.Batch(photos, views.AsSpan(start, count));
                    var labels = train.Labels(photos);
                    var logits = network.forward(inputs);
                    var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: Options.LabelSmoothing);
                    optimizer.zero_grad();
                    loss.backward();
                    nn.utils.clip_grad_norm_(stepped, Options.MaxGradientNorm);
                    optimizer.step();
                    lossSum += loss.item<float>() * count;
                    correct += (int)logits.argmax(1).eq(labels).sum().item<long>();
                    progress?.Report(new FineTuneProgress("epoch", null, epoch, Options.Epochs, start + count, order.Length, lossSum / (start + count), null));
                    seen = start + count;
                    if (Options.MaxSeconds is { } budget && runClock.Elapsed.TotalSeconds >= budget)
                    {
                        outOfTime = true;
                        break;
                    }
                }
                var trainSeconds = clock.Elapsed.TotalSeconds;
                double? validationLoss = null, validationAccuracy = null;
                var improved = validation is null;
                if (validation is not null)
                {
                    var (_, loss, accuracy) = Evaluate(network, validation);
                    (validationLoss, validationAccuracy) = (loss, accuracy);
                    improved = accuracy > best.Accuracy || (accuracy == best.Accuracy && loss < best.Loss);
                    if (accuracy > bestTrained.Accuracy) bestTrained = (accuracy, epoch);
                    if (improved)
                    {
                        best = (accuracy, loss, epoch);
                        kept?.Dispose();
                        kept = WeightSnapshot.Of(network);
                    }
                }
                else (best, bestTrained) = ((best.Accuracy, best.Loss, epoch), (best.Accuracy, epoch));
                var report = new EpochReport(epoch, lossSum / seen, (double)correct / seen, validationLoss, validationAccuracy,
                    clock.Elapsed.TotalSeconds, seen / trainSeconds, groups[0].LearningRate, improved, runClock.Elapsed.TotalSeconds - trainingStart);
                reports.Add(report);
                if (lateEpochs is not null && !headOnly && factor <= 0.5) lateEpochs.Add(network, epoch);
                progress?.Report(new FineTuneProgress("epoch", null, epoch, Options.Epochs, order.Length, order.Length, report.TrainLoss, report));
                if (outOfTime || epoch - bestTrained.Epoch >= Options.Patience) break;
            }
            var initial = validation is null || Options.FromScratch ? (double?)null : initialAccuracy;
            if (lateEpochs is { Epochs.Count: >= 2 })
            {
                lateEpochs.RestoreInto(network);
                var (_, loss, accuracy) = validation is null ? default : Evaluate(network, validation);
                if (validation is null || accuracy > initialAccuracy || (accuracy == initialAccuracy && loss < initialLoss))
                    return (reports, lateEpochs.Epochs[^1], lateEpochs.Epochs, initial);
            }
            kept?.RestoreInto(network);
            return (reports, best.Epoch, [], initial);
        }
        finally
        {
            foreach (var parameter in backbone) parameter.requires_grad = true;
            kept?.Dispose();
        }
    }

    // The share of the time budget left after the frozen stages that has passed (0 without a budget).
    private double TimeProgress(Stopwatch runClock, double trainingStart) =>
        Options.MaxSeconds is { } budget ? (runClock.Elapsed.TotalSeconds - trainingStart) / Math.Max(1e-3, budget - trainingStart) : 0;

    private static AdamW.ParamGroup Group(IEnumerable<Parameter> parameters, double learningRate, double weightDecay) =>
        new(parameters, learningRate, 0.9, 0.999, 1e-8, weightDecay, false, false);

    // Probabilities, mean cross-entropy and accuracy on plain views, in eval mode and fp32: what the exported model computes.
    private static (float[][] Probabilities, double Loss, double Accuracy) Evaluate(TunedNetwork network, StageInputs inputs)
    {
        network.eval();
        network.Top.ConvolutionsInBFloat16 = false;
        using var noGrad = no_grad();
        var probabilities = new float[inputs.Count][];
        double loss = 0;
        var correct = 0;
        const int batch = 64;
        var views = new int[batch];
        for (var start = 0; start < inputs.Count; start += batch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(batch, inputs.Count - start);
            var photos = Enumerable.Range(start, count).ToArray();
            var labels = inputs.Labels(photos);
            var logits = network.forward(inputs.Batch(photos, views.AsSpan(0, count)));
            loss += nn.functional.cross_entropy(logits, labels).item<float>() * count;
            correct += (int)logits.argmax(1).eq(labels).sum().item<long>();
            var softmax = nn.functional.softmax(logits, 1).contiguous().data<float>().ToArray();
            var classes = softmax.Length / count;
            for (var i = 0; i < count; i++) probabilities[start + i] = softmax.AsSpan(i * classes, classes).ToArray();
        }
        return (probabilities, loss / inputs.Count, (double)correct / inputs.Count);
    }

    // The original backbone with the trained stages' weights and statistics written over it (same names).
    private static byte[] WithTrainedWeights(ModelProto model, ImportedModule top)
    {
        var trained = OnnxModuleExporter.Export(top).Graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        for (var i = 0; i < model.Graph.Initializer.Count; i++)
            if (trained.TryGetValue(model.Graph.Initializer[i].Name, out var value)) model.Graph.Initializer[i] = value;
        return model.ToByteArray();
    }

    private sealed class Progress(Action<ExtractionProgress> report) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => report(value);
    }
}
