using System.CommandLine;
using Mentor.Training.Tuning;

namespace Mentor.Cli.Commands;

/// <summary>The <c>train</c> options that switch on and shape fine-tuning.</summary>
internal sealed class FineTuneOptionSet
{
    private static readonly FineTuneOptions Defaults = new();

    public Option<bool> FineTune { get; } = new("--fine-tune")
    {
        Description = "After fitting the head, train the backbone's top stages with it (minutes, not seconds; a few more points of accuracy)",
    };

    public Option<int?> Stages { get; } = new("--stages") { Description = "With --fine-tune: backbone stages that train, from the top (default: one or two, chosen on the validation photos)" };

    public Option<int> Epochs { get; } = new("--epochs") { Description = "With --fine-tune: most epochs (stops early when validation accuracy stalls)", DefaultValueFactory = _ => Defaults.Epochs };

    public Option<int> Views { get; } = new("--views") { Description = "With --fine-tune: augmented views made of each training photo, cycled over the epochs", DefaultValueFactory = _ => Defaults.Views };

    public Option<int> Patience { get; } = new("--patience") { Description = "With --fine-tune: epochs without a better validation accuracy before stopping", DefaultValueFactory = _ => Defaults.Patience };

    public Option<bool> KeepBestEpoch { get; } = new("--keep-best-epoch")
    {
        Description = "With --fine-tune: keep the epoch with the best validation accuracy (default: the mean weights of the epochs in the second half of the learning-rate decay)",
    };

    public Option<bool> NoAugment { get; } = new("--no-augment") { Description = "With --fine-tune: train on the plain centre crop only (no random crops, flips or colour jitter)" };

    public Option<double?> MinCrop { get; } = new("--min-crop")
    {
        Description = "With --fine-tune: smallest share of a photo's area a random crop keeps (default: the strongest crop the head on frozen features still recognises on the validation photos)",
    };

    public Option<string> Precision { get; } = new("--precision")
    {
        Description = "With --fine-tune: what the convolutions compute in: auto (bf16 where the CPU has AVX512_BF16, about twice as fast; else fp32), fp32 or bf16",
        DefaultValueFactory = _ => "auto",
    };

    public void AddTo(Command command)
    {
        Precision.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } value && FineTunePrecisionNames.Parse(value) is null)
                r.AddError($"--precision: '{value}' is not a precision; use one of {string.Join(", ", FineTunePrecisionNames.All)}.");
        });
        foreach (var option in new Option[] { FineTune, Stages, Epochs, Views, Patience, KeepBestEpoch, NoAugment, MinCrop, Precision }) command.Options.Add(option);
        MinCrop.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is not (> 0 and <= 1)) r.AddError("--min-crop must be above 0 and at most 1."); });
        Stages.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1 or > 5) r.AddError("--stages must be between 1 and 5."); });
        Epochs.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError("--epochs must be between 1 and 1000."); });
        Views.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 64) r.AddError("--views must be between 1 and 64."); });
        Patience.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--patience must be at least 1."); });
        command.Validators.Add(r =>
        {
            if (r.GetValue(FineTune)) return;
            foreach (var option in new Option[] { Stages, Epochs, Views, Patience, KeepBestEpoch, NoAugment, MinCrop, Precision })
                if (r.GetResult(option) is { Implicit: false }) r.AddError($"{option.Name} only applies with --fine-tune.");
        });
    }

    /// <summary>The options asked for, or null without <c>--fine-tune</c>.</summary>
    public FineTuneOptions? Read(ParseResult parse) => !parse.GetValue(FineTune) ? null : Defaults with
    {
        Stages = parse.GetValue(Stages),
        Epochs = parse.GetValue(Epochs),
        Views = parse.GetValue(Views),
        Patience = parse.GetValue(Patience),
        AverageWeights = !parse.GetValue(KeepBestEpoch),
        Augmentation = parse.GetValue(NoAugment) ? null : parse.GetValue(MinCrop) is { } minCrop ? Defaults.Augmentation! with { MinScale = minCrop } : Defaults.Augmentation,
        ChooseCrop = parse.GetValue(MinCrop) is null,
        Precision = FineTunePrecisionNames.Parse(parse.GetValue(Precision)) ?? FineTunePrecision.Auto,
    };
}
