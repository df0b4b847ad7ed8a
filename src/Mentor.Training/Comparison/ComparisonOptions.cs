namespace Mentor.Training.Comparison;

/// <summary>How <see cref="ComparisonRunner"/> measures transfer learning against training from scratch.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Examples per class to train on; null stands for all of the training pool.</summary>
    public IReadOnlyList<int?> Shots { get; init; } = [1, 2, 5, 10, 20, null];

    /// <summary>Samples drawn (seeded) per shot count for the heads on frozen features.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// Wall-clock minutes for each fine-tuning run and each from-scratch run. Null (default): fine-tuning runs as
    /// <c>train --fine-tune</c> does, and each from-scratch baseline gets the time fine-tuning on all the data took in the same run.
    /// </summary>
    public double? BudgetMinutes { get; init; }

    /// <summary>Shot counts at which fine-tuning runs (once each, budget permitting); null stands for all.</summary>
    public IReadOnlyList<int?> FineTuneShots { get; init; } = [10, null];

    /// <summary>Whether the from-scratch baseline runs (on all the training pool, with the same budget as fine-tuning).</summary>
    public bool FromScratch { get; init; } = true;

    /// <summary>Whether fine-tuning runs at all.</summary>
    public bool FineTune { get; init; } = true;

    /// <summary>Most k-NN shots: k-NN is measured at shot counts up to this one (where it can beat logistic regression).</summary>
    public int KnnMaxShots { get; init; } = 5;

    /// <summary>Share of each class held out as the test set when the dataset has no test folder.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seeds the test split, the shot samples and the training runs: the same seed and data give the same samples.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The backbone: a built-in name, a spec .json or an .onnx file (see <see cref="Backbones.BackboneResolver"/>).</summary>
    public string Backbone { get; init; } = Backbones.BackboneRegistry.DefaultName;

    /// <summary>Cache folder for features and prepared backbones; null: the default.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Augmented views per training photo for the backbone trained from scratch (it sees each view over several epochs).</summary>
    public int Views { get; init; } = 2;
}
