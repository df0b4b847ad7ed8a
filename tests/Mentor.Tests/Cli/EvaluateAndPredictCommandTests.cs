using Mentor.Tests.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

public sealed class EvaluateAndPredictCommandTests(TrainedModelFixture model) : IClassFixture<TrainedModelFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Evaluate_json_has_every_metric_over_the_models_labels()
    {
        var data = _temp.MakeClothingDataset("data", 2, "dress", "shoes");

        var result = await CliRunner.RunAsync("evaluate", model.Path, data, "--json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        foreach (var key in new[] { "accuracy", "balancedAccuracy", "macroF1", "top5Accuracy", "logLoss" })
            Assert.InRange(json.GetProperty(key).GetDouble(), 0, 40);
        Assert.Equal(4, json.GetProperty("images").GetInt32());
        Assert.Equal(["dress", "pants", "shoes"], json.GetProperty("labels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, json.GetProperty("perClass").GetArrayLength());
        var matrix = json.GetProperty("confusionMatrix").EnumerateArray().Select(r => r.EnumerateArray().Sum(c => c.GetInt32())).ToArray();
        Assert.Equal([2, 0, 2], matrix);
    }

    [Fact]
    public async Task Evaluate_names_a_class_the_model_never_saw()
    {
        var data = _temp.MakeClothingDataset("data", 1, "dress", "hat");

        var result = await CliRunner.RunAsync("evaluate", model.Path, data);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'hat' are not among the model's labels (dress, pants, shoes)", result.Error);
    }

    [Fact]
    public async Task Predict_reports_unreadable_files_without_stopping_the_rest()
    {
        var data = _temp.MakeClothingDataset("data", 1, "dress", "shoes");
        File.WriteAllText(Path.Combine(data, "shoes", "broken.jpg"), "nope");
        var single = SharedData.Clothing("test", "pants", 1)[0];

        var result = await CliRunner.RunAsync("predict", model.Path, single, data, _temp.Combine("missing.jpg"), "--top", "2", "--json");

        Assert.Equal(0, result.ExitCode);
        var items = result.Json.EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal(3, items.Count(i => i.GetProperty("top").ValueKind == System.Text.Json.JsonValueKind.Array));
        Assert.All(items.Where(i => i.GetProperty("top").ValueKind == System.Text.Json.JsonValueKind.Array),
            i => Assert.Equal(2, i.GetProperty("top").GetArrayLength()));
        Assert.Contains(items, i => i.GetProperty("error").GetString() == "file not found");
        Assert.Contains(items, i => i.GetProperty("error").GetString()?.StartsWith("not an image", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Predict_csv_has_a_row_per_label_and_image()
    {
        var photos = SharedData.Clothing("test", "dress", 2);

        var result = await CliRunner.RunAsync(["predict", model.Path, .. photos, "--top", "3", "--csv"]);

        var lines = result.Out.TrimEnd().Split('\n');
        Assert.Equal("path,rank,label,probability,error", lines[0]);
        Assert.Equal(1 + 2 * 3, lines.Length);
        var probabilities = lines[1..4].Select(l => double.Parse(l.Split(',')[3], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(1.0, probabilities.Sum(), 3);
        Assert.True(probabilities[0] >= probabilities[1] && probabilities[1] >= probabilities[2]);
    }

    [Theory]
    [InlineData("both-formats", 2, "--json and --csv cannot be used together")]
    [InlineData("not-a-model", 1, "not a Mentor model")]
    [InlineData("missing-model", 1, "model file not found")]
    public async Task Predict_bad_input_is_one_line(string kind, int exitCode, string message)
    {
        var photo = SharedData.Clothing("test", "dress", 1)[0];
        var notAModel = Mentor.Backbones.BackboneRegistry.Get("resnet18").ModelPath;
        string[] args = kind switch
        {
            "both-formats" => ["predict", model.Path, photo, "--json", "--csv"],
            "not-a-model" => ["predict", notAModel, photo],
            _ => ["predict", _temp.Combine("nope.onnx"), photo],
        };

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'), l => !l.StartsWith("Run 'mentor --help'", StringComparison.Ordinal));
    }
}
