using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Mentor.Models;

/// <summary>
/// What a Mentor model file says about itself, stored as JSON under the ONNX metadata key <c>mentor</c>:
/// enough to prepare its input (resize rule, input size), name its outputs, and tell where it came from.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>The format this Mentor writes; files with a higher number are refused. 2: the backbone spec is recorded
    /// (<see cref="BackboneSpec"/>); format 1 files (built-in backbone only) are still read.</summary>
    public const int CurrentFormat = 2;

    /// <summary>The ONNX metadata key holding the JSON.</summary>
    public const string Key = "mentor";

    /// <summary>The file format version written (<see cref="CurrentFormat"/> for new files).</summary>
    public int Format { get; init; } = CurrentFormat;
    /// <summary>The version of the Mentor library that wrote the file.</summary>
    public string MentorVersion { get; init; } = "";
    /// <summary>When the file was written.</summary>
    public DateTimeOffset Created { get; init; }
    /// <summary>Class names, in the order of the probabilities output.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The backbone as it was named: a built-in name, or the spec's name.</summary>
    public string Backbone { get; init; } = "";

    /// <summary>The backbone's spec, verbatim as a spec file would hold it (absolute paths, the weights' SHA-256); null in format 1.</summary>
    public JsonObject? BackboneSpec { get; init; }

    /// <summary>Name and SHA-256 of the backbone's weights as trained.</summary>
    public string BackboneIdentity { get; init; } = "";

    /// <summary>The head's kind (<see cref="Heads.ClassifierHead.Kind"/>): <c>logistic</c>, <c>knn</c> or <c>mlp</c>.</summary>
    public string Head { get; init; } = "";

    /// <summary>The graph's input and output names, the input size and the resize rule.</summary>
    public ModelInput Input { get; init; } = new();

    /// <summary>SHA-256 of the serialised ONNX graph, to detect a damaged or altered file.</summary>
    public string GraphSha256 { get; init; } = "";

    /// <summary>The options the model was trained with (free-form).</summary>
    public JsonObject Training { get; init; } = [];

    /// <summary>Validation and test metrics at training time (free-form).</summary>
    public JsonObject Metrics { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // A key given twice would otherwise surface later, as an ArgumentException from the free-form objects.
        AllowDuplicateProperties = false,
    };

    /// <summary>The JSON stored in the file (camelCase), which <see cref="FromJson"/> reads back.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Parses the JSON; null when it is not valid metadata.</summary>
    public static ModelMetadata? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelMetadata>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
