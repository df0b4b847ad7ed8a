using System.Text.RegularExpressions;

namespace Mentor.Tests;

/// <summary>The libraries (src/Mentor, src/Mentor.Training) speak in their own terms: no string in them quotes a command-line flag.</summary>
public sealed partial class LibraryWordsTests
{
    [Theory]
    [InlineData("src/Mentor")]
    [InlineData("src/Mentor.Training")]
    public void No_library_string_quotes_a_command_line_flag(string project)
    {
        // Given every C# file of the library
        var root = Path.Combine(RepositoryRoot(), project);
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);

        // When the insides of its string literals are searched for --flag
        var found = files.SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => !l.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && StringInsides(l.line).Any(s => Flag().IsMatch(s)))
            .Select(l => $"{Path.GetRelativePath(root, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        // Then there is none
        Assert.True(found.Count == 0, "library strings quote CLI flags:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_search_sees_a_flag_inside_an_interpolated_string()
    {
        Assert.Contains(StringInsides("""throw new X($"{a}: {string.Join(", ", b)}; drop --strict.");"""), s => Flag().IsMatch(s));
        Assert.DoesNotContain(StringInsides("""for (var i = n; i > 0; i--) Write("done");"""), s => Flag().IsMatch(s));
    }

    // The stretches between a line's unescaped double quotes, taken in pairs: the insides of its string literals
    // (holes of interpolated strings with quoted arguments split them further, which still keeps each quoted piece).
    private static IEnumerable<string> StringInsides(string line)
    {
        var pieces = Regex.Split(line, """(?<!\\)(?<!')"(?!')""");
        for (var i = 1; i < pieces.Length; i += 2) yield return pieces[i];
    }

    [GeneratedRegex("--[a-z]")]
    private static partial Regex Flag();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Mentor.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Mentor.slnx not found above " + AppContext.BaseDirectory);
    }
}
