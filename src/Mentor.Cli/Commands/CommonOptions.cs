using System.CommandLine;
using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;

namespace Mentor.Cli.Commands;

/// <summary>Flags shared by every command that extracts features.</summary>
internal sealed class CommonOptions
{
    public Option<string> Backbone { get; } = new("--backbone")
    {
        Description = $"Pre-trained backbone: a built-in ({string.Join(", ", BackboneRegistry.Names)}), a spec .json or an .onnx file, or stages of one (name:layer3, name:layer3+layer4)",
        DefaultValueFactory = _ => BackboneRegistry.DefaultName,
    };

    public Option<string?> Cache { get; } = new("--cache")
    {
        Description = "Feature cache folder (default: $MENTOR_CACHE, else the user's cache folder)",
    };

    public Option<bool> NoCache { get; } = new("--no-cache") { Description = "Compute every feature; read and write no cache" };

    public Option<int> BatchSize { get; } = new("--batch-size")
    {
        Description = "Images per backbone call",
        DefaultValueFactory = _ => Features.ExtractionOptions.Default.BatchSize,
    };

    public Option<string?> Resize { get; } = new("--resize")
    {
        Description = "Resize rule: crop (short side to the input, centre crop), crop0.875 (short side to input/0.875), stretch; default: the backbone's",
    };

    public Option<bool> Strict { get; } = new("--strict") { Description = "Fail on any unusable file instead of skipping it" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON object instead of tables" };

    public Option<bool> Int8 { get; } = new("--int8")
    {
        Description = "Run the int8 quantisation of the backbone (about 3x faster; calibrated once on 200 of the photos, cached)",
    };

    public CommonOptions()
    {
        Backbone.Validators.Add(result =>
        {
            if (BackboneError(result.GetValueOrDefault<string>()) is { } error) result.AddError($"--backbone: {error}");
        });
        BatchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 256) result.AddError("--batch-size must be between 1 and 256.");
        });
        Resize.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (text is null) return;
            try { ResizeRule.Parse(text); }
            catch (ArgumentException e) { result.AddError($"--resize: {e.Message.Split(" (Parameter")[0]}."); }
        });
    }

    /// <summary>Why <paramref name="name"/> cannot name a backbone, or null when it can (its layers are checked when it loads).</summary>
    public static string? BackboneError(string name) =>
        BackboneResolver.IsKnown(name) ? null : $"unknown backbone '{name}'; available: {string.Join(", ", BackboneRegistry.Names)}, a spec .json or an .onnx file, or stages of one (e.g. {BackboneRegistry.DefaultName}:layer3).";

    public void AddTo(Command command, bool withJson = true)
    {
        command.Add(Backbone);
        command.Add(Cache);
        command.Add(NoCache);
        command.Add(BatchSize);
        command.Add(Resize);
        command.Add(Strict);
        command.Add(Int8);
        if (withJson) command.Add(Json);
    }

    /// <summary>Resolves --backbone, telling <paramref name="stderr"/> what was assumed (for a bare .onnx file: its preprocessing).</summary>
    public BackboneSpec ResolveBackbone(ParseResult parse, TextWriter stderr)
    {
        var resolved = BackboneResolver.Resolve(parse.GetValue(Backbone)!, parse.GetValue(Cache));
        foreach (var assumption in resolved.Assumptions) stderr.WriteLine($"mentor: {resolved.Spec.Name}: {assumption}.");
        return resolved.Spec;
    }

    /// <summary>Loads the chosen backbone (owned by the caller); with --int8, calibrated on a seeded sample of <paramref name="calibrationPhotos"/>.</summary>
    public Backbone LoadBackbone(ParseResult parse, TextWriter stderr, IEnumerable<string>? calibrationPhotos = null)
    {
        var resize = parse.GetValue(Resize) is { } text ? ResizeRule.Parse(text) : null;
        var int8 = parse.GetValue(Int8);
        var calibration = int8 && calibrationPhotos is not null ? Quantization.CalibrationSet.Sample(calibrationPhotos) : null;
        return Mentor.Backbones.Backbone.Load(ResolveBackbone(parse, stderr), BackboneOptions.Default with
        {
            Resize = resize, CacheDirectory = parse.GetValue(Cache), Int8 = int8, Calibration = calibration,
        });
    }

    public FeatureCache? OpenCache(ParseResult parse) =>
        parse.GetValue(NoCache) ? null : new FeatureCache(parse.GetValue(Cache) ?? MentorPaths.DefaultCacheDirectory);

    public ExtractionOptions ExtractionOptions(ParseResult parse) =>
        Features.ExtractionOptions.Default with { BatchSize = parse.GetValue(BatchSize) };
}
