using System.Text.RegularExpressions;

namespace Mentor.Reports.Tests.Support;

/// <summary>Small readers of the report's markup (the page is generated, so its shape is known).</summary>
internal static partial class Html
{
    /// <summary>The markup of the <c>&lt;figure&gt;</c> whose id is <paramref name="id"/>, or null.</summary>
    public static string? Figure(string html, string id)
    {
        var match = Regex.Match(html, $"<figure[^>]*\\bid=\"{Regex.Escape(id)}\"[^>]*>.*?</figure>", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    /// <summary>The ids of the plot figures, in page order.</summary>
    public static IReadOnlyList<string> FigureIds(string html) => FigureId().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The ids of the sections, in page order.</summary>
    public static IReadOnlyList<string> SectionIds(string html) => SectionId().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>Every <c>&lt;img&gt;</c> tag.</summary>
    public static IReadOnlyList<string> Images(string html) => Img().Matches(html).Select(m => m.Value).ToList();

    public static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [GeneratedRegex("<figure class=\"plot\" id=\"([^\"]+)\"")]
    private static partial Regex FigureId();

    [GeneratedRegex("<section id=\"([^\"]+)\"")]
    private static partial Regex SectionId();

    [GeneratedRegex("<img\\b[^>]*>")]
    private static partial Regex Img();
}
