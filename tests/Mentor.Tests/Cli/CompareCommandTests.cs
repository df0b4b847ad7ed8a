using System.Text.Json;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

/// <summary><c>mentor compare</c> end to end on a tiny dataset: every method runs, the JSON carries the figures, the report has their plots.</summary>
[Collection(BackboneCollection.Name)]
public sealed class CompareCommandTests : IDisposable
{
    private static readonly string[] Classes = ["dress", "pants", "shoes"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_tiny_comparison_measures_every_method_and_writes_a_report_with_a_plot_for_each_figure()
    {
        // Given 3 classes with 12 training and 4 test photos each
        var dataset = _temp.Combine("clothes");
        _temp.MakeDataset(Path.Combine("clothes", "train"), Classes.ToDictionary(c => c, c => SharedData.Clothing("train", c, 12)));
        _temp.MakeDataset(Path.Combine("clothes", "test"), Classes.ToDictionary(c => c, c => SharedData.Clothing("test", c, 4)));
        var report = _temp.Combine("report.html");

        // When compare runs with 1, 2 and all examples per class, two repeats and a few seconds per deep run
        var result = await CliRunner.RunAsync("compare", dataset, "--shots", "1,2,all", "--repeats", "2", "--budget-minutes", "0.05",
            "--fine-tune-shots", "all", "--cache", _temp.Combine("cache"), "-o", report, "--json");

        // Then every method has its points, with one accuracy and one time per repeat
        Assert.True(result.ExitCode == 0, result.Error);
        var json = result.Json;
        var methods = json.GetProperty("methods").EnumerateArray().ToDictionary(m => m.GetProperty("method").GetString()!, m => m.GetProperty("shots"));
        Assert.Equal(["logistic on frozen features", "k-NN on frozen features", "fine-tuned", "small CNN from scratch", "backbone from scratch"], methods.Keys);
        var logistic = methods["logistic on frozen features"].EnumerateArray().ToList();
        Assert.Equal([1, 2, 0], logistic.Select(s => s.GetProperty("shots").ValueKind == JsonValueKind.Null ? 0 : s.GetProperty("shots").GetInt32()));
        Assert.All(logistic.Take(2), s => Assert.Equal(2, s.GetProperty("accuracies").GetArrayLength()));
        Assert.All(methods.Values.SelectMany(m => m.EnumerateArray()).SelectMany(s => s.GetProperty("accuracies").EnumerateArray()),
            a => Assert.InRange(a.GetDouble(), 0, 1));
        Assert.All(methods.Values.SelectMany(m => m.EnumerateArray()).SelectMany(s => s.GetProperty("seconds").EnumerateArray()),
            s => Assert.True(s.GetDouble() > 0));
        Assert.Equal(12, json.GetProperty("testImages").GetInt32());
        // And the claims are computed against the stronger of the two from-scratch baselines
        var claims = json.GetProperty("claims");
        var baselines = new[] { "small CNN from scratch", "backbone from scratch" }.ToDictionary(b => b, b => methods[b][0].GetProperty("accuracies")[0].GetDouble());
        var strongest = baselines.MaxBy(b => b.Value);
        Assert.Equal(strongest.Key, claims.GetProperty("baseline").GetString());
        Assert.Equal(strongest.Value, claims.GetProperty("scratchAccuracy").GetDouble(), 9);
        // And the curves, the best model's confusion matrix and its mistakes are there
        var curves = json.GetProperty("curves").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("settings"));
        Assert.Equal(["fine-tuned", "small CNN from scratch", "backbone from scratch"], curves.Keys);
        // with the settings each run chose: fine-tuning's plan, the small CNN's side (one of 64, 96, 128) and peak rate
        Assert.InRange(curves["fine-tuned"].GetProperty("stages").GetDouble(), 1, 4);
        Assert.Contains(curves["small CNN from scratch"].GetProperty("side").GetDouble(), new[] { 64.0, 96, 128 });
        Assert.InRange(curves["small CNN from scratch"].GetProperty("learningRate").GetDouble(), 1e-4, 1e-2);
        Assert.Equal(1e-3, curves["backbone from scratch"].GetProperty("learningRate").GetDouble());
        Assert.Equal(12, json.GetProperty("bestMetrics").GetProperty("confusionMatrix").EnumerateArray().SelectMany(r => r.EnumerateArray()).Sum(c => c.GetInt32()));

        // And the report has a plot for each of those figures, all inlined
        var html = File.ReadAllText(report);
        foreach (var figure in new[] { "accuracy-by-shots", "accuracy-by-time", "confusion-matrix", "per-class-f1", "training-curves" })
            Assert.Contains($"id=\"{figure}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shots", "0,2")]
    [InlineData("--shots", "two")]
    [InlineData("--repeats", "0")]
    [InlineData("--budget-minutes", "-1")]
    public async Task Bad_flags_get_one_line_and_exit_code_2(string flag, string value)
    {
        var result = await CliRunner.RunAsync("compare", _temp.Path, flag, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(flag, result.Error, StringComparison.Ordinal);
    }
}
