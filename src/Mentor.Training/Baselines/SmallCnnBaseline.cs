using System.Diagnostics;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using Mentor.Training.Tuning;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.Baselines;

/// <summary>
/// Trains <see cref="SmallCnn"/> from random weights the way one would in earnest on a CPU and a wall-clock budget:
/// <list type="number">
/// <item>the input side (128, 96 or 64 pixels) is the largest at which the budget allows <see cref="MinimumEpochs"/>
/// epochs, from a timed training step at each;</item>
/// <item>photos are decoded once, at 8/7 of that side; every batch is augmented on the fly as fine-tuning's views are
/// (random resized crop, horizontal flip, colour jitter), validation and test photos are centre-cropped;</item>
/// <item>a learning-rate range test (Smith; fastai's <c>lr_find</c>) picks AdamW's peak rate: a tenth of the rate
/// where the smoothed loss was lowest (AdamW's usual 1e-3 when the test would take more than a tenth of the budget);</item>
/// <item>one warm-up epoch, then cosine decay following the elapsed share of the budget; after each epoch the
/// validation photos decide whether to keep it (early stopping), and training ends when the budget does.</item>
/// </list>
/// The budget counts everything from the first decoded photo; <paramref name="maxEpochs"/>, when given, ends training
/// sooner (and the schedule follows whichever share, of time or of epochs, is further along); <paramref name="sides"/>
/// narrows the sides to choose from (by default 64, 96 and 128). Same seed, same data: same network.
/// </summary>
internal sealed class SmallCnnBaseline(double budgetSeconds, Augmentation augmentation, int seed, int maxEpochs = int.MaxValue, IReadOnlyList<int>? sides = null)
{
    /// <summary>Epochs the budget must allow at a side for it to be chosen (the smallest side is used otherwise).</summary>
    public const int MinimumEpochs = 20;

    private readonly IReadOnlyList<int> sides = sides ?? [64, 96, 128];
    private const int BatchSize = 64;
    private const double LabelSmoothing = 0.1;
    private const double WeightDecay = 0.05;
    private const int Patience = 15;

    public async Task<BaselineResult> RunAsync(IReadOnlyList<string> trainPaths, int[] trainTargets, IReadOnlyList<string> validationPaths, int[] validationTargets,
        IReadOnlyList<string> testPaths, int classes, IProgress<FineTuneProgress>? progress, CancellationToken cancellation)
    {
        TorchRuntime.EnsureLoaded();
        // A fine-tuning run earlier in the process fixed glibc's mmap threshold at 4 MiB (NativeHeap.FixMmapThreshold), and
        // this network's feature maps are 8 MB a batch and more: every step then mapped them afresh and faulted their pages
        // in, 4x slower than in a fresh process (85-120 against 360-400 photos/s at 64 px). 32 MiB, the ceiling glibc's own
        // dynamic threshold rises to, serves them from the heap as a fresh process does, and twice that kept at the heap's
        // top (glibc's dynamic rule too) stops it returning them to the OS between steps.
        NativeHeap.FixMmapThreshold(32 << 20);
        NativeHeap.FixTrimThreshold(64 << 20);
        using var threads = TorchRuntime.UseThreads(Environment.ProcessorCount);
        var clock = Stopwatch.StartNew();
        var side = ChooseSide(trainPaths.Count, classes);
        var stored = side * 8 / 7;
        using var train = await PhotoPixels.LoadAsync(trainPaths, stored, Report(progress, "photos"), cancellation).ConfigureAwait(false);
        using var validation = await PhotoPixels.LoadAsync(validationPaths, stored, Report(progress, "validation photos"), cancellation).ConfigureAwait(false);
        using var test = await PhotoPixels.LoadAsync(testPaths, stored, Report(progress, "test photos"), cancellation).ConfigureAwait(false);
        using var trainLabels = tensor(trainTargets, ScalarType.Int64);
        using var validationLabels = tensor(validationTargets, ScalarType.Int64);
        var learningRate = FindLearningRate(train, trainLabels, classes, side, clock, clock.Elapsed.TotalSeconds + budgetSeconds / 10);

        random.manual_seed(seed);
        using var network = new SmallCnn(classes);
        using var optimizer = optim.AdamW(network.parameters(), learningRate, weight_decay: WeightDecay);
        var stepsPerEpoch = (trainTargets.Length + BatchSize - 1) / BatchSize;
        var schedule = new LearningRateSchedule(stepsPerEpoch, int.MaxValue);
        var order = new Random(seed);
        var epochs = new List<EpochReport>();
        WeightSnapshot? kept = null;
        var best = (Accuracy: double.NegativeInfinity, Epoch: 0);
        var trainingStart = clock.Elapsed.TotalSeconds;
        var step = 0;
        try
        {
            // At least one epoch, even when choosing the side and the rate took the whole (tiny) budget.
            for (var epoch = 1; epoch <= maxEpochs && (epoch == 1 || clock.Elapsed.TotalSeconds < budgetSeconds) && epoch - best.Epoch <= Patience; epoch++)
            {
                var epochClock = Stopwatch.StartNew();
                network.train();
                var indices = Enumerable.Range(0, trainTargets.Length).ToArray();
                order.Shuffle(indices);
                double lossSum = 0;
                var (correct, seen) = (0, 0);
                for (var start = 0; start < indices.Length && (epoch == 1 || clock.Elapsed.TotalSeconds < budgetSeconds); start += BatchSize)
                {
                    cancellation.ThrowIfCancellationRequested();
                    using var scope = NewDisposeScope();
                    var count = Math.Min(BatchSize, indices.Length - start);
                    var rows = tensor(indices.AsSpan(start, count).ToArray(), ScalarType.Int64);
                    var progressShare = Math.Max((clock.Elapsed.TotalSeconds - trainingStart) / Math.Max(1e-3, budgetSeconds - trainingStart),
                        (double)step / ((double)maxEpochs * stepsPerEpoch));
                    optimizer.ParamGroups.First().LearningRate = learningRate * schedule.At(step++, progressShare);
                    var labels = trainLabels.index_select(0, rows);
                    var logits = network.forward(BatchAugmentation.Apply(train.index_select(0, rows), side, augmentation));
                    var loss = nn.functional.cross_entropy(logits, labels, label_smoothing: LabelSmoothing);
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>() * count;
                    correct += (int)logits.argmax(1).eq(labels).sum().item<long>();
                    seen += count;
                    progress?.Report(new FineTuneProgress("epoch", null, epoch, 0, seen, indices.Length, lossSum / seen, null));
                }
                if (seen == 0) break;
                var trainSeconds = epochClock.Elapsed.TotalSeconds;
                var (validationLoss, validationAccuracy) = Measure(network, validation, validationLabels, side);
                var improved = validationAccuracy > best.Accuracy;
                if (improved)
                {
                    best = (validationAccuracy, epoch);
                    kept?.Dispose();
                    kept = WeightSnapshot.Of(network);
                }
                var report = new EpochReport(epoch, lossSum / seen, (double)correct / seen, validationLoss, validationAccuracy, epochClock.Elapsed.TotalSeconds,
                    seen / trainSeconds, optimizer.ParamGroups.First().LearningRate, improved, clock.Elapsed.TotalSeconds - trainingStart);
                epochs.Add(report);
                progress?.Report(new FineTuneProgress("epoch", null, epoch, 0, seen, indices.Length, report.TrainLoss, report));
            }
            kept?.RestoreInto(network);
            var probabilities = Probabilities(network, test, side);
            return new BaselineResult(probabilities, epochs, clock.Elapsed.TotalSeconds, side, learningRate);
        }
        finally
        {
            kept?.Dispose();
        }
    }

    // The largest side whose timed step leaves room for MinimumEpochs epochs in the budget.
    private int ChooseSide(int photos, int classes)
    {
        var steps = (photos + BatchSize - 1) / BatchSize;
        var chosen = sides[0];
        if (sides.Count == 1) return chosen;
        random.manual_seed(seed);
        foreach (var side in sides)
        {
            using var network = new SmallCnn(classes);
            using var optimizer = optim.AdamW(network.parameters(), 1e-4);
            using var inputs = randn(BatchSize, 3, side, side);
            using var labels = zeros(BatchSize, ScalarType.Int64);
            double stepSeconds = 0;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                using var loss = nn.functional.cross_entropy(network.forward(inputs), labels);
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                if (i > 0) stepSeconds = clock.Elapsed.TotalSeconds; // the first step allocates
            }
            if (stepSeconds * steps * MinimumEpochs > budgetSeconds) break;
            chosen = side;
        }
        return chosen;
    }

    // Learning-rate range test: the rate grows from 1e-5 to 1 over a few dozen steps on a fresh network; the peak rate is
    // a tenth of where the exponentially smoothed loss was lowest (the loss still falls fast there and is far from diverging).
    private double FindLearningRate(Tensor train, Tensor labels, int classes, int side, Stopwatch clock, double deadlineSeconds)
    {
        const double usual = 1e-3;
        const int steps = 40;
        const double from = 1e-5, to = 1;
        random.manual_seed(seed);
        using var network = new SmallCnn(classes);
        using var optimizer = optim.AdamW(network.parameters(), from, weight_decay: WeightDecay);
        network.train();
        var order = new Random(seed + 1);
        var (smoothed, bestLoss, bestRate) = (0.0, double.PositiveInfinity, usual);
        for (var i = 0; i < steps; i++)
        {
            if (clock.Elapsed.TotalSeconds > deadlineSeconds) return usual; // cut short, the lowest loss so far means nothing
            using var scope = NewDisposeScope();
            var rate = from * Math.Pow(to / from, i / (double)(steps - 1));
            optimizer.ParamGroups.First().LearningRate = rate;
            var rows = tensor(Enumerable.Range(0, BatchSize).Select(_ => (long)order.Next((int)labels.shape[0])).ToArray());
            var loss = nn.functional.cross_entropy(network.forward(BatchAugmentation.Apply(train.index_select(0, rows), side, augmentation)), labels.index_select(0, rows));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            var value = loss.item<float>();
            if (!double.IsFinite(value)) break;
            smoothed = i == 0 ? value : 0.7 * smoothed + 0.3 * value;
            if (smoothed < bestLoss) (bestLoss, bestRate) = (smoothed, rate);
            if (smoothed > 4 * bestLoss) break;
        }
        return Math.Clamp(bestRate / 10, 1e-4, 1e-2);
    }

    private static (double Loss, double Accuracy) Measure(SmallCnn network, Tensor photos, Tensor labels, int side)
    {
        using var scope = NewDisposeScope();
        var logits = Logits(network, photos, side);
        return (nn.functional.cross_entropy(logits, labels).item<float>(), logits.argmax(1).eq(labels).to_type(ScalarType.Float64).mean().item<double>());
    }

    private static float[][] Probabilities(SmallCnn network, Tensor photos, int side)
    {
        using var scope = NewDisposeScope();
        var probabilities = nn.functional.softmax(Logits(network, photos, side), 1).contiguous();
        var flat = probabilities.data<float>().ToArray();
        var classes = (int)probabilities.shape[1];
        return [.. Enumerable.Range(0, (int)probabilities.shape[0]).Select(i => flat.AsSpan(i * classes, classes).ToArray())];
    }

    private static Tensor Logits(SmallCnn network, Tensor photos, int side)
    {
        network.eval();
        using var noGrad = no_grad();
        var batches = new List<Tensor>();
        for (long start = 0; start < photos.shape[0]; start += 128)
            batches.Add(network.forward(BatchAugmentation.CenterCrop(photos.narrow(0, start, Math.Min(128, photos.shape[0] - start)), side)));
        return cat(batches, 0);
    }

    private static IProgress<ExtractionProgress>? Report(IProgress<FineTuneProgress>? progress, string phase) =>
        progress is null ? null : new Forward<ExtractionProgress>(p => progress.Report(new FineTuneProgress(phase, p, 0, 0, 0, 0, 0, null)));
}

/// <summary>What a from-scratch baseline made: its test probabilities, its epochs, its wall time and the settings it chose.</summary>
/// <param name="TestProbabilities">Class probabilities per test photo, from the kept epoch.</param>
/// <param name="Epochs">Every epoch's figures, in order.</param>
/// <param name="Seconds">Wall-clock seconds of the whole run, decoding included.</param>
/// <param name="Side">Input side in pixels, chosen for the budget.</param>
/// <param name="LearningRate">Peak learning rate, chosen by the range test.</param>
internal sealed record BaselineResult(float[][] TestProbabilities, IReadOnlyList<EpochReport> Epochs, double Seconds, int Side, double LearningRate);
