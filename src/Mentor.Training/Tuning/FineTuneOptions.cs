using Mentor.Imaging;

namespace Mentor.Training.Tuning;

/// <summary>
/// How <see cref="FineTuner"/> trains the top of the backbone with the head. Defaults measured on clothing-small and
/// sign-digits (see bench/finetune.sh); what the data should decide (stages, crop) is left null or on to be chosen.
/// </summary>
public sealed record FineTuneOptions
{
    /// <summary>
    /// Backbone stages (from the top) that train; the ones below stay frozen and run once per view. Null (default): chosen
    /// on the validation photos, one or two (see <see cref="FineTunePlanner"/>); one without validation photos.
    /// </summary>
    public int? Stages { get; init; }

    /// <summary>
    /// Whether the random crop's smallest share of a photo is chosen on the validation photos (default): the strongest crop,
    /// from <see cref="Augmentation"/>'s <see cref="Imaging.Augmentation.MinScale"/> up, that the head on frozen features still
    /// recognises. False: <see cref="Imaging.Augmentation.MinScale"/> as given.
    /// </summary>
    public bool ChooseCrop { get; init; } = true;

    /// <summary>
    /// First epochs that train the head alone, on the augmented views, at a tenth of <see cref="HeadLearningRate"/>, before
    /// the stages join: the fitted head adapts to the views and the label-smoothed loss first, so its early gradients reach
    /// the pre-trained weights small. (At the full rate AdamW moves a head fitted with strong regularisation by more than
    /// its weights' size within an epoch: hand signs' validation accuracy fell from 0.963 to 0.927; at a tenth it held.)
    /// Ignored from scratch.
    /// </summary>
    public int HeadOnlyEpochs { get; init; } = 1;

    /// <summary>Most passes over the training photos (early stopping may end sooner).</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Augmented views made of each training photo, computed through the frozen stages once and cycled through
    /// over the epochs (epoch e shows each photo's view e mod Views). Without augmentation: one, the plain view.
    /// </summary>
    public int Views { get; init; } = 4;

    /// <summary>The random changes behind each view; null: no augmentation (the plain centre crop only).</summary>
    public Augmentation? Augmentation { get; init; } = Imaging.Augmentation.Default;

    /// <summary>Training views per AdamW step; at least 2.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>AdamW's peak learning rate for the head.</summary>
    public double HeadLearningRate { get; init; } = 1e-3;

    /// <summary>AdamW's peak learning rate for the backbone's stages: lower, so pre-trained weights move gently.</summary>
    public double BackboneLearningRate { get; init; } = 1e-4;

    /// <summary>AdamW's decoupled weight decay, on the weight matrices and kernels of the stages and the head (biases and norms excluded).</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Epochs over which the learning rates ramp up linearly from zero before the cosine decay.</summary>
    public double WarmupEpochs { get; init; } = 1;

    /// <summary>Share of the target probability spread over the other classes.</summary>
    public double LabelSmoothing { get; init; } = 0.1;

    /// <summary>
    /// Whether batch-norm layers in the trained stages update their running statistics. Off by default: batches of
    /// a few dozen 7x7 maps give noisy statistics, so the pre-trained ones are kept and only the scale and shift train.
    /// </summary>
    public bool UpdateBatchNormStatistics { get; init; }

    /// <summary>
    /// Epochs without a better validation accuracy before training stops (the best epoch is kept). By default as many as
    /// the epochs: the best epochs come late, at the cosine's low rates, so stopping early mostly loses them.
    /// </summary>
    public int Patience { get; init; } = 10;

    /// <summary>
    /// Whether the weights kept are the mean of the epochs that end in the second half of the learning-rate decay (stochastic
    /// weight averaging; default) rather than the single epoch with the best validation accuracy. Late epochs differ on a few
    /// hundred validation photos by one or two, so the best of them is mostly the luckiest: on clothing-small (seed 1) epoch 6
    /// won on validation and scored 0.917 on the test photos, the mean of epochs 7 to 10 scored 0.930. The mean must still beat
    /// the head on frozen features on the validation photos, or the best epoch's rule applies. Ignored from scratch and when
    /// batch-norm statistics update (averaged weights would need statistics of their own).
    /// </summary>
    public bool AverageWeights { get; init; } = true;

    /// <summary>Gradients are scaled down to this global norm at most.</summary>
    public double MaxGradientNorm { get; init; } = 5;

    /// <summary>
    /// Wall-clock budget for the whole run (frozen stages included), in seconds; null: none. The cosine decay then
    /// follows elapsed time, and training stops (keeping the best or, without validation photos, the last weights) when it runs out.
    /// </summary>
    public double? MaxSeconds { get; init; }

    /// <summary>
    /// Train the same architecture from random weights instead (every stage, batch-norm statistics updated, head from
    /// zero): the baseline transfer learning is measured against. The head passed in then only gives the class count.
    /// </summary>
    public bool FromScratch { get; init; }

    /// <summary>
    /// What the convolutions compute in during the epochs; <see cref="FineTunePrecision.Auto"/> (default): bfloat16 where the
    /// CPU has AVX512_BF16 (about twice as fast), fp32 elsewhere. Weights, optimiser and evaluation stay fp32 either way.
    /// </summary>
    public FineTunePrecision Precision { get; init; } = FineTunePrecision.Auto;

    /// <summary>libtorch threads; null: one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the setting out of range.</summary>
    public void Validate()
    {
        if (Stages is { } stages) ArgumentOutOfRangeException.ThrowIfLessThan(stages, 1, nameof(Stages));
        ArgumentOutOfRangeException.ThrowIfNegative(HeadOnlyEpochs, nameof(HeadOnlyEpochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(Views, 1, nameof(Views));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 2, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience, 1, nameof(Patience));
        if (!(HeadLearningRate > 0) || !(BackboneLearningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(HeadLearningRate), "learning rates must be positive");
        if (!(WeightDecay >= 0)) throw new ArgumentOutOfRangeException(nameof(WeightDecay));
        if (!(WarmupEpochs >= 0)) throw new ArgumentOutOfRangeException(nameof(WarmupEpochs));
        if (LabelSmoothing is not (>= 0 and < 1)) throw new ArgumentOutOfRangeException(nameof(LabelSmoothing));
        if (!(MaxGradientNorm > 0)) throw new ArgumentOutOfRangeException(nameof(MaxGradientNorm));
        if (MaxSeconds is { } budget && !(budget > 0)) throw new ArgumentOutOfRangeException(nameof(MaxSeconds), budget, "the time budget must be positive");
        if (!Enum.IsDefined(Precision)) throw new ArgumentOutOfRangeException(nameof(Precision), Precision, "not a fine-tuning precision");
        Augmentation?.Validate();
    }
}
