using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mentor.Cli;

/// <summary>The JSON conventions of every <c>--json</c> output: camelCase, indented, NaN-safe.</summary>
internal static class JsonOutput
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Output for terminals and files, not HTML: keep '+' in backbone names such as name:layer3+layer4 readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
