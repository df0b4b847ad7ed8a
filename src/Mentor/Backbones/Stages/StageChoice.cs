namespace Mentor.Backbones;

/// <summary>
/// A backbone name that asks for the pooled outputs of some of its stages: <c>name:layer3</c>, or concatenated,
/// <c>name:layer3+layer4</c>.
/// </summary>
/// <param name="Backbone">The whole backbone's name.</param>
/// <param name="Stages">Stage names, in the order their features are concatenated.</param>
public sealed record StageChoice(string Backbone, IReadOnlyList<string> Stages)
{
    /// <summary>The candidate's name: <c>backbone:stage+stage</c>.</summary>
    public string Name => $"{Backbone}:{string.Join('+', Stages)}";

    /// <summary>Reads <c>name:stage[+stage...]</c>; false for a plain name or a malformed one.</summary>
    public static bool TryParse(string? text, out StageChoice choice)
    {
        choice = null!;
        var colon = text?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || colon == text!.Length - 1) return false;
        var stages = text[(colon + 1)..].Split('+');
        if (stages.Any(s => s.Length == 0 || !s.All(char.IsAsciiLetterOrDigit))) return false;
        if (stages.Distinct(StringComparer.OrdinalIgnoreCase).Count() != stages.Length) return false;
        choice = new StageChoice(text[..colon], [.. stages.Select(s => s.ToLowerInvariant())]);
        return true;
    }
}
