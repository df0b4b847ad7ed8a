using System.Text.RegularExpressions;

namespace Mentor.Packaging.Tests.Support;

/// <summary>
/// The C# examples of the README's "## Library" section, in order: the consumers compile exactly this code, so the
/// README and the packages cannot drift apart.
/// </summary>
internal static partial class ReadmeExample
{
    /// <summary>The <paramref name="index"/>th ```csharp block under the heading <paramref name="section"/>.</summary>
    public static string CSharp(string section, int index)
    {
        var text = File.ReadAllText(Repository.Readme).ReplaceLineEndings("\n");
        var start = text.IndexOf($"\n## {section}\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no '## {section}' section");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var body = end < 0 ? text[start..] : text[start..end];
        var blocks = CodeBlock().Matches(body);
        Assert.True(blocks.Count > index, $"README.md's '## {section}' has {blocks.Count} csharp blocks, the tests need {index + 1}");
        return blocks[index].Groups[1].Value;
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
