using System.Text.Json;
using System.Text.Json.Nodes;
using Mentor.Imaging;

namespace Mentor.Backbones;

/// <summary>Reads the keys of a spec file over what <see cref="BackboneDetector"/> finds in its ONNX file; one error per bad key.</summary>
internal static class SpecFileReader
{
    private static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "name", "description", "source", "file", "sha256", "input", "input_size", "layout", "batch", "channel_order", "pixel_range",
        "mean", "std", "interpolation", "crop_pct", "crop_mode", "feature", "pool",
    };

    public static ResolvedBackbone Read(JsonObject json, string origin)
    {
        if (json.Select(p => p.Key).FirstOrDefault(k => !Keys.Contains(k)) is { } unknown)
            throw new BackboneSpecException(origin, unknown, $"unknown key (known: {string.Join(", ", Keys)})");
        var folder = Path.GetDirectoryName(origin) ?? ".";
        var file = Text(json, origin, "file") ?? throw new BackboneSpecException(origin, "file", "missing: name the ONNX file, relative to the spec file");
        var modelPath = Path.GetFullPath(Path.Combine(folder, file));
        if (!File.Exists(modelPath)) throw new BackboneSpecException(origin, "file", $"'{modelPath}' not found");
        if (Text(json, origin, "sha256") is { } sha && !string.Equals(sha, FileHashes.Of(modelPath), StringComparison.OrdinalIgnoreCase))
            throw new BackboneSpecException(origin, "sha256", $"'{file}' has SHA-256 {FileHashes.Of(modelPath)}, not {sha}: the weights changed");

        var layoutGiven = Text(json, origin, "layout") is null ? (TensorLayout?)null : Choice(json, origin, "layout", TensorLayout.Nchw);
        var detected = BackboneDetector.Detect(modelPath, Text(json, origin, "input"), layoutGiven, InputSize(json, origin));
        var d = detected.Spec;
        var p = d.Preprocessing;
        var name = Text(json, origin, "name") ?? d.Name;
        if (name.Length == 0 || name.Any(c => c == ':' || char.IsWhiteSpace(c)))
            throw new BackboneSpecException(origin, "name", $"'{name}' must be non-empty, without spaces or ':'");
        var size = InputSize(json, origin) ?? p.InputSize;
        var layout = Choice(json, origin, "layout", p.Layout);
        var order = Choice(json, origin, "channel_order", p.ChannelOrder);
        var (low, high) = PixelRange(json, origin) ?? (p.PixelOffset, 255 * p.PixelScale + p.PixelOffset);
        string? meanFile = null;
        Func<float[]> mean = () => p.Mean;
        if (json["mean"] is JsonValue meanText && meanText.GetValueKind() == JsonValueKind.String)
        {
            var meanPath = Path.GetFullPath(Path.Combine(folder, meanText.GetValue<string>()));
            if (!File.Exists(meanPath)) throw new BackboneSpecException(origin, "mean", $"mean image '{meanPath}' not found");
            meanFile = meanPath;
            mean = () => MeanImageFile.Load(meanPath, 3 * size * size);
        }
        else if (Triple(json, origin, "mean", positive: false) is { } means)
        {
            mean = () => means;
        }
        var std = Triple(json, origin, "std", positive: true) ?? p.Std;
        var filter = Text(json, origin, "interpolation") switch
        {
            null => p.Resize.Filter,
            "bilinear" => ResizeFilter.Bilinear,
            "bicubic" => ResizeFilter.Bicubic,
            var other => throw new BackboneSpecException(origin, "interpolation", $"'{other}' is not supported (bilinear or bicubic)"),
        };
        var crop = Number(json, origin, "crop_pct") ?? p.Resize.CropFraction;
        if (crop is <= 0 or > 1) throw new BackboneSpecException(origin, "crop_pct", $"{crop} must be above 0 and at most 1");
        var mode = Text(json, origin, "crop_mode") switch
        {
            null => p.Resize.Mode,
            "center" => ResizeMode.ShortSideCenterCrop,
            "squash" => ResizeMode.Stretch,
            var other => throw new BackboneSpecException(origin, "crop_mode", $"'{other}' is not supported (center or squash)"),
        };
        var feature = Text(json, origin, "feature") is { } f && f != "auto" ? f : d.Feature;
        var pool = Choice(json, origin, "pool", d.Pool);
        var preprocessing = new PreprocessingSpec(size, layout, order, (float)((high - low) / 255), (float)low, mean, std, new ResizeRule(mode, crop, filter));
        var spec = d with
        {
            Name = name,
            Description = Text(json, origin, "description") ?? d.Description,
            Source = Text(json, origin, "source") ?? d.Source,
            InputName = Text(json, origin, "input") ?? d.InputName,
            Preprocessing = preprocessing,
            Feature = feature,
            Pool = pool,
            MeanFile = meanFile ?? (json.ContainsKey("mean") ? null : d.MeanFile),
        };
        var given = json.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var assumptions = detected.Assumptions.Where(a => !(given.Contains("mean") && a.Contains("mean", StringComparison.Ordinal))).ToList();
        return new ResolvedBackbone(spec, [$"spec file {origin}", .. detected.Findings], assumptions);
    }

    private static string? Text(JsonObject json, string origin, string key) => json[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new BackboneSpecException(origin, key, "must be a string"),
    };

    private static double? Number(JsonObject json, string origin, string key) => json[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        _ => throw new BackboneSpecException(origin, key, "must be a number"),
    };

    private static T Choice<T>(JsonObject json, string origin, string key, T fallback) where T : struct, Enum
    {
        var text = Text(json, origin, key);
        if (text is null) return fallback;
        return Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _)
            ? value
            : throw new BackboneSpecException(origin, key, $"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
    }

    private static double[]? Numbers(JsonObject json, string origin, string key, int count)
    {
        if (json[key] is null) return null;
        if (json[key] is not JsonArray array || array.Count != count || array.Any(v => v is not JsonValue x || x.GetValueKind() != JsonValueKind.Number))
            throw new BackboneSpecException(origin, key, $"must be an array of {count} numbers");
        return [.. array.Select(v => v!.GetValue<double>())];
    }

    private static int? InputSize(JsonObject json, string origin)
    {
        if (Numbers(json, origin, "input_size", 3) is not { } dims) return null;
        if (dims[0] != 3 || dims[1] != dims[2] || dims[1] < 1 || dims[1] != Math.Floor(dims[1]))
            throw new BackboneSpecException(origin, "input_size", $"[{string.Join(",", dims)}] must be [3,H,W] with H = W (square inputs only)");
        return (int)dims[1];
    }

    private static (double Low, double High)? PixelRange(JsonObject json, string origin)
    {
        if (Numbers(json, origin, "pixel_range", 2) is not { } range) return null;
        if (range[0] >= range[1]) throw new BackboneSpecException(origin, "pixel_range", $"[{range[0]},{range[1]}] must rise, e.g. [0,255], [0,1] or [-1,1]");
        return (range[0], range[1]);
    }

    private static float[]? Triple(JsonObject json, string origin, string key, bool positive)
    {
        if (Numbers(json, origin, key, 3) is not { } values) return null;
        if (positive && values.Any(v => v <= 0)) throw new BackboneSpecException(origin, key, "values must be above 0");
        return [.. values.Select(v => (float)v)];
    }
}
