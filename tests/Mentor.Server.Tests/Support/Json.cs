using System.Text.Json;

namespace Mentor.Server.Tests.Support;

/// <summary>Reading answers as JSON.</summary>
internal static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>The (label, probability) pairs of one prediction entry.</summary>
    public static List<(string Label, float Probability)> Top(this JsonElement prediction) =>
        prediction.GetProperty("top").EnumerateArray().Select(s => (s.GetProperty("label").GetString()!, s.GetProperty("probability").GetSingle())).ToList();

    /// <summary>The label of a photo in the shared datasets: its folder name.</summary>
    public static string LabelOf(string photo) => Path.GetFileName(Path.GetDirectoryName(photo))!;
}
