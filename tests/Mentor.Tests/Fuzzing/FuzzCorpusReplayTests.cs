using Mentor.Fuzz;

namespace Mentor.Tests.Fuzzing;

/// <summary>
/// Replays the regression corpus (tests/Mentor.Tests/FuzzCorpus/&lt;target&gt;/: every input afl-fuzz found that once crashed
/// or hung a parser, plus a few interesting ones) through the same entry points <c>bench/fuzz.sh</c> fuzzes.
/// </summary>
public sealed class FuzzCorpusReplayTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "FuzzCorpus");

    public static TheoryData<string, string> CorpusFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal))
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(folder), Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Each_corpus_input_is_accepted_or_refused_with_a_one_line_message_naming_the_input(string target, string file)
    {
        // Given a corpus input and the target it was found with
        var fuzzTarget = FuzzTargets.Find(target);
        Assert.NotNull(fuzzTarget);

        // When it is fed to the parser (an exception other than the parser's documented one fails the test here)
        var outcome = fuzzTarget.Run(File.ReadAllBytes(Path.Combine(Corpus, target, file)));

        // Then each part of the outcome is an acceptance or a one-line refusal that names the input
        Assert.DoesNotContain('\n', outcome);
        foreach (var part in outcome.Split(" | "))
        {
            Assert.Matches(@"^(\w+ )?(accepted|refused: )", part);
            if (part.Contains("refused: ", StringComparison.Ordinal) && target != "upload")
                Assert.Matches(@"refused: \S*(fuzz|model\.onnx|spec\.json|shard-)", part);
        }
    }

    [Fact]
    public void Every_fuzz_target_has_a_regression_corpus()
    {
        var folders = Directory.GetDirectories(Corpus).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(FuzzTargets.All.Select(t => t.Name).Order(StringComparer.Ordinal), folders);
    }
}
