using Mentor.Evaluation;
using Mentor.Heads.Mlp;
using Mentor.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.Heads.Mlp;

/// <summary>
/// Fits a one-hidden-layer perceptron on backbone features with libtorch: features standardised, ReLU, dropout,
/// softmax cross-entropy minimised by AdamW in mini-batches, and the epoch with the best held-out accuracy kept (early
/// stopping on the validation rows, or on a seeded stratified share of the training rows). The constructor only stores
/// the options; <see cref="Fit"/> returns an immutable <see cref="MlpFit"/> whose head applies to raw features.
/// </summary>
public sealed class MlpTrainer
{
    /// <summary>Stores and checks the options; no work is done until <see cref="Fit"/>.</summary>
    /// <param name="options">Layer, optimiser and stopping settings; null: the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range: hidden units, batch size, epochs or patience below 1, dropout not in [0, 1), or the held-out share not in (0, 1).</exception>
    public MlpTrainer(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Hidden, 1, nameof(Options.Hidden));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.BatchSize, 1, nameof(Options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxEpochs, 1, nameof(Options.MaxEpochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.Patience, 1, nameof(Options.Patience));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.EpochsWithoutHeldOut, 1, nameof(Options.EpochsWithoutHeldOut));
        if (Options.Dropout is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), Options.Dropout, "Dropout must be at least 0 and below 1.");
        if (Options.HeldOutFraction is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(options), Options.HeldOutFraction, "HeldOutFraction must lie strictly between 0 and 1.");
    }

    /// <summary>The options every fit uses (defaults when none were given).</summary>
    public MlpOptions Options { get; }

    /// <summary>Fits on the training rows, stopping on the validation rows when given.</summary>
    /// <param name="features">One (already transformed) feature vector per row.</param>
    /// <param name="labels">Class index per row.</param>
    /// <param name="classCount">Number of classes; at least 2 must have rows.</param>
    /// <param name="validationFeatures">Rows to stop on, never trained on; null: hold out a share of the training rows.</param>
    /// <param name="validationLabels">Their class indices.</param>
    /// <param name="transform">Stored in the head: the transform the rows went through.</param>
    /// <exception cref="TrainingDataException">The data cannot be learnt from; the message names the fix.</exception>
    public MlpFit Fit(float[][] features, int[] labels, int classCount, float[][]? validationFeatures = null, int[]? validationLabels = null,
        FeatureTransform transform = FeatureTransform.None)
    {
        var all = TrainingSet.Create(features, labels, classCount);
        all.RequireTwoClasses();
        var (train, heldOut) = validationFeatures is not null && validationLabels is not null
            ? (all, TrainingSet.Create(validationFeatures, validationLabels, classCount, "validation", all.Dimension))
            : HoldOut(features, labels, all);
        using var threads = TorchRuntime.UseThreads(Options.Threads);
        random.manual_seed(Options.Seed);
        var scaling = Standardization.Fit(train);
        using var network = nn.Sequential(
            ("hidden", nn.Linear(train.Dimension, Options.Hidden)),
            ("relu", nn.ReLU()),
            ("dropout", nn.Dropout(Options.Dropout)),
            ("output", nn.Linear(Options.Hidden, classCount)));
        var parameters = network.parameters().ToList();
        using var optimizer = optim.AdamW(
        [
            new AdamW.ParamGroup(parameters.Where(p => p.dim() > 1), Options.LearningRate, 0.9, 0.999, 1e-8, Options.WeightDecay, false, false),
            new AdamW.ParamGroup(parameters.Where(p => p.dim() <= 1), Options.LearningRate, 0.9, 0.999, 1e-8, 0, false, false),
        ]);
        using var x = tensor(scaling.Transform(train.Flatten(), train.Rows), [train.Rows, train.Dimension]);
        using var y = tensor(train.Labels.Select(l => (long)l).ToArray());
        using var heldOutX = heldOut is null ? null : tensor(scaling.Transform(heldOut.Flatten(), heldOut.Rows), [heldOut.Rows, train.Dimension]);

        var order = Enumerable.Range(0, train.Rows).ToArray();
        var shuffle = new Random(Options.Seed);
        var best = (Accuracy: double.NegativeInfinity, Loss: double.PositiveInfinity, Epoch: 0, Weights: (Tensor[]?)null);
        var epochs = heldOut is null ? Options.EpochsWithoutHeldOut : Options.MaxEpochs;
        var epoch = 0;
        while (++epoch <= epochs && (heldOutX is null || epoch - best.Epoch <= Options.Patience))
        {
            network.train();
            shuffle.Shuffle(order);
            for (var start = 0; start < order.Length; start += Options.BatchSize)
            {
                using var scope = NewDisposeScope();
                var batch = tensor(order.AsSpan(start, Math.Min(Options.BatchSize, order.Length - start)).ToArray().Select(i => (long)i).ToArray());
                var loss = nn.functional.cross_entropy(network.forward(x.index_select(0, batch)), y.index_select(0, batch));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
            }
            if (heldOutX is null) continue;
            var (accuracy, heldOutLoss) = Score(network, heldOutX, heldOut!);
            if (accuracy > best.Accuracy || (accuracy == best.Accuracy && heldOutLoss < best.Loss))
            {
                Release(best.Weights);
                best = (accuracy, heldOutLoss, epoch, Snapshot(parameters));
            }
        }
        if (best.Weights is null) best = (double.NaN, double.NaN, epoch - 1, Snapshot(parameters));
        try
        {
            var head = Fold(best.Weights, scaling, transform);
            return new MlpFit(head, best.Epoch, epoch - 1, heldOut is null ? null : best.Accuracy);
        }
        finally
        {
            Release(best.Weights);
        }
    }

    // A seeded stratified share of the training rows to stop on, when every class can spare some; else none.
    private (TrainingSet Train, TrainingSet? HeldOut) HoldOut(float[][] features, int[] labels, TrainingSet all)
    {
        var folds = (int)Math.Round(1 / Options.HeldOutFraction);
        if (all.ClassCounts.Where(c => c > 0).Min() < folds) return (all, null);
        var fold = StratifiedFolds.Assign(all.Labels, all.ClassCount, folds, Options.Seed);
        TrainingSet Rows(Func<int, bool> keep, string what) => TrainingSet.Create(
            [.. features.Where((_, i) => keep(fold[i]))], [.. labels.Where((_, i) => keep(fold[i]))], all.ClassCount, what, all.Dimension);
        return (Rows(f => f != 0, "training"), Rows(f => f == 0, "held-out"));
    }

    private static (double Accuracy, double Loss) Score(Sequential network, Tensor x, TrainingSet heldOut)
    {
        network.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = network.forward(x);
        var loss = nn.functional.cross_entropy(logits, tensor(heldOut.Labels.Select(l => (long)l).ToArray())).item<float>();
        var flat = logits.contiguous().data<float>().ToArray();
        var classes = heldOut.ClassCount;
        var correct = Enumerable.Range(0, heldOut.Rows).Count(i => ClassificationMetrics.ArgMax(flat.AsSpan(i * classes, classes)) == heldOut.Labels[i]);
        return ((double)correct / heldOut.Rows, loss);
    }

    private static Tensor[] Snapshot(List<Parameter> parameters)
    {
        using var noGrad = no_grad();
        return [.. parameters.Select(p => p.detach().clone())];
    }

    private static void Release(Tensor[]? weights)
    {
        foreach (var w in weights ?? []) w.Dispose();
    }

    // Folds the standardisation into the first layer: W1_raw = W1 / std, b1_raw = b1 - W1 (mean / std).
    private static MlpHead Fold(Tensor[] weights, Standardization scaling, FeatureTransform transform)
    {
        var (w1, b1, w2, b2) = (Floats(weights[0]), Floats(weights[1]), Floats(weights[2]), Floats(weights[3]));
        var d = scaling.Mean.Length;
        for (var h = 0; h < b1.Length; h++)
        {
            double shift = 0;
            for (var j = 0; j < d; j++)
            {
                var w = w1[h * d + j] / scaling.Std[j];
                w1[h * d + j] = w;
                shift += w * scaling.Mean[j];
            }
            b1[h] = (float)(b1[h] - shift);
        }
        return new MlpHead(w1, b1, w2, b2, transform);
    }

    private static float[] Floats(Tensor t) => t.contiguous().data<float>().ToArray();
}
