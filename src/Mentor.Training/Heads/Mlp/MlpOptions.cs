namespace Mentor.Training.Heads.Mlp;

/// <summary>Settings for <see cref="MlpTrainer"/>: one hidden layer with dropout, AdamW, early stopping on held-out rows.</summary>
public sealed record MlpOptions
{
    /// <summary>Hidden units.</summary>
    public int Hidden { get; init; } = 512; // not a backbone shape: the hidden layer's own width

    /// <summary>Share of hidden activations zeroed in each training step.</summary>
    public double Dropout { get; init; } = 0.5;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>AdamW's decoupled weight decay, on the weight matrices only.</summary>
    public double WeightDecay { get; init; } = 0.05;

    /// <summary>Training rows per AdamW step (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Epoch cap.</summary>
    public int MaxEpochs { get; init; } = 200;

    /// <summary>Epochs without a better held-out score before stopping.</summary>
    public int Patience { get; init; } = 15;

    /// <summary>Share of each class held out to stop on when no validation rows are given.</summary>
    public double HeldOutFraction { get; init; } = 0.1;

    /// <summary>
    /// Epochs trained when there is nothing to stop on (no validation rows, and a class too small to hold any out:
    /// fewer than 1 / <see cref="HeldOutFraction"/> rows).
    /// </summary>
    public int EpochsWithoutHeldOut { get; init; } = 100;

    /// <summary>Seeds the hold-out, the initial weights, the batches and dropout.</summary>
    public int Seed { get; init; }

    /// <summary>libtorch threads while fitting (restored afterwards); null leaves libtorch's setting.</summary>
    public int? Threads { get; init; } = 1;
}
