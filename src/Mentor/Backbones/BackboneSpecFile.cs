using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mentor.Imaging;

namespace Mentor.Backbones;

/// <summary>
/// Backbone spec files: JSON with timm's <c>pretrained_cfg</c> names where one exists. Keys: <c>name</c>, <c>file</c>
/// (relative to the spec file), <c>sha256</c>, <c>description</c>, <c>source</c>, <c>input</c>, <c>input_size</c> [3,H,W],
/// <c>layout</c>, <c>batch</c>, <c>channel_order</c>, <c>pixel_range</c>, <c>mean</c> (3 values or a mean-image file),
/// <c>std</c>, <c>interpolation</c>, <c>crop_pct</c>, <c>crop_mode</c>, <c>feature</c>, <c>pool</c>. Only <c>file</c> is
/// required: what is left out is detected from the graph, as for a bare ONNX file.
/// </summary>
public static class BackboneSpecFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Reads the spec file at <paramref name="path"/>; <see cref="BackboneSpecException"/> names any bad key.</summary>
    public static ResolvedBackbone Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new MentorException($"{path}: backbone spec file not found; check the path.");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false }) as JsonObject
                ?? throw new MentorException($"{path}: a backbone spec must be one JSON object; see 'mentor backbones' for an example.");
        }
        catch (JsonException e)
        {
            throw new MentorException($"{path}: not valid JSON ({e.Message.Split('\n')[0].Trim()}); fix the spec file.");
        }
        return FromJson(json, Path.GetFullPath(path));
    }

    /// <summary>The spec written in <paramref name="json"/>, with relative paths taken from the folder of <paramref name="origin"/>.</summary>
    public static ResolvedBackbone FromJson(JsonObject json, string origin) => SpecFileReader.Read(json, origin);

    /// <summary>The spec as spec-file JSON; paths relative to <paramref name="relativeTo"/> (a folder), or absolute when null.</summary>
    public static JsonObject ToJson(BackboneSpec spec, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var p = spec.Preprocessing;
        var (low, high) = (p.PixelOffset, 255 * p.PixelScale + p.PixelOffset);
        return new JsonObject
        {
            ["name"] = spec.Name,
            ["description"] = spec.Description,
            ["source"] = spec.Source,
            ["file"] = PathFor(spec.ModelPath, relativeTo),
            ["sha256"] = spec.ModelSha256,
            ["input"] = spec.InputName,
            ["input_size"] = Array(3, p.InputSize, p.InputSize),
            ["layout"] = p.Layout.ToString().ToUpperInvariant(),
            ["batch"] = spec.FixedBatch ? "fixed" : "dynamic",
            ["channel_order"] = p.ChannelOrder.ToString().ToUpperInvariant(),
            ["pixel_range"] = Array(Round(low), Round(high)),
            ["mean"] = spec.MeanFile is { } meanFile ? PathFor(meanFile, relativeTo) : Array(p.Mean.Select(Round).ToArray()),
            ["std"] = Array((p.Std ?? [1f, 1f, 1f]).Select(Round).ToArray()),
            ["interpolation"] = p.Resize.Filter == ResizeFilter.Bicubic ? "bicubic" : "bilinear",
            ["crop_pct"] = p.Resize.CropFraction,
            ["crop_mode"] = p.Resize.Mode == ResizeMode.Stretch ? "squash" : "center",
            ["feature"] = spec.Feature,
            ["pool"] = spec.Pool.ToString().ToLowerInvariant(),
        };
    }

    /// <summary>Writes <paramref name="spec"/> to <paramref name="path"/> (atomically), paths relative to its folder.</summary>
    public static void Write(BackboneSpec spec, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var text = ToJson(spec, Path.GetDirectoryName(full)).ToJsonString(Indented) + "\n";
        AtomicFile.WriteAllBytes(full, Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The SHA-256 of the canonical form: weights and mean by hash, no paths, names or descriptions.</summary>
    public static string ContentHash(BackboneSpec spec)
    {
        var canonical = $"weights={spec.ModelSha256}\ninput={spec.InputName}\npreprocessing={spec.Preprocessing.Id}\nfeature={spec.Feature}\npool={spec.Pool}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static string PathFor(string path, string? relativeTo) => relativeTo is null ? path : Path.GetRelativePath(relativeTo, path);

    // The float's shortest round-trip text, as a double: 0.485f is written 0.485 and read back as the same float.
    private static double Round(float value) => double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static JsonArray Array(params double[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    private static JsonArray Array(params int[] values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
