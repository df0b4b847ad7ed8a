using System.Text.RegularExpressions;

namespace Mentor.Tests.Backbones;

/// <summary>Only the built-in entry's own file may write its numbers and its name: everything else reads them from the spec.</summary>
public sealed partial class SourceLiteralTests
{
    [Fact]
    public void No_shape_literal_or_backbone_name_outside_the_built_in_entry()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var owner = Path.Combine(src, "Mentor", "Backbones", "ResNet18.cs");
        var offending = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => f != owner && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => Literal().IsMatch(l.Text) && !l.Text.Contains(NotABackboneShape, StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(src, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.True(offending.Count == 0, string.Join("\n", offending));
    }

    // A line may say why a number that looks like a backbone's is its own (e.g. a head's width).
    private const string NotABackboneShape = "// not a backbone shape";

    [GeneratedRegex(@"(?<!AVX-)\b(224|512)\b|resnet18")]
    private static partial Regex Literal();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mentor.slnx"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
