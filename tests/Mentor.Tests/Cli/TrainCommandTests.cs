using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Cli;

[Collection(BackboneCollection.Name)]
public sealed class TrainCommandTests : IDisposable
{
    private static readonly string[] Classes = ["dress", "pants", "shoes"];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Split(string name, string split, int perClass) =>
        _temp.MakeDataset(name, Classes.ToDictionary(c => c, c => SharedData.Clothing(split, c, perClass)));

    [Fact]
    public async Task Train_writes_a_model_whose_file_agrees_with_the_report_evaluate_and_onnxruntime_node()
    {
        var train = Split("train", "train", 10);
        var test = Split("test", "test", 5);
        var model = _temp.Combine("model.onnx");

        var trained = await CliRunner.RunAsync("train", train, "--test", test, "-o", model, "--cache", _temp.Combine("cache"), "--json");
        var evaluated = await CliRunner.RunAsync("evaluate", model, test, "--json");

        Assert.Equal(0, trained.ExitCode);
        var report = trained.Json;
        Assert.Equal(System.Text.Json.JsonValueKind.Null, report.GetProperty("validation").ValueKind);
        Assert.Equal(45, report.GetProperty("images").GetInt32());
        Assert.InRange(report.GetProperty("trainSeconds").GetDouble(), 0.001, report.GetProperty("totalSeconds").GetDouble());
        var testAccuracy = report.GetProperty("test").GetProperty("accuracy").GetDouble();
        Assert.True(testAccuracy >= 0.8, $"test accuracy {testAccuracy} on dresses, pants and shoes");
        Assert.Equal(testAccuracy, evaluated.Json.GetProperty("accuracy").GetDouble(), 6);
        Assert.Equal(report.GetProperty("test").GetProperty("logLoss").GetDouble(), evaluated.Json.GetProperty("logLoss").GetDouble(), 3);

        using var classifier = ImageClassifier.Load(model);
        var photos = Directory.GetFiles(test, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var mentor = photos.Select(p => Mentor.Evaluation.ClassificationMetrics.ArgMax(classifier.PredictProbabilities(File.ReadAllBytes(p), p))).ToArray();
        Assert.Equal(mentor, NodeRuntime.Top1(model, classifier, photos));
        Assert.Equal(Classes, classifier.Labels);
        Assert.Equal("logistic", classifier.Metadata.Head);
    }

    [Fact]
    public async Task A_warm_re_run_fits_with_the_setting_its_first_run_searched_and_writes_the_same_model()
    {
        var train = Split("train", "train", 10);
        var test = Split("test", "test", 5);
        var cache = _temp.Combine("cache");

        var first = await CliRunner.RunAsync("train", train, "--test", test, "-o", _temp.Combine("first.onnx"), "--cache", cache, "--json");
        var memo = Assert.Single(Directory.GetFiles(Path.Combine(cache, "head-settings")));
        Assert.Equal(first.Json.GetProperty("chosen").GetString(), File.ReadAllText(memo));
        var second = await CliRunner.RunAsync("train", train, "--test", test, "-o", _temp.Combine("second.onnx"), "--cache", cache, "--json");
        // A remembered setting is what the fit uses: a different one written in its place changes the head.
        File.WriteAllText(memo, "C=0.0001");
        var told = await CliRunner.RunAsync("train", train, "--test", test, "-o", _temp.Combine("told.onnx"), "--cache", cache, "--json");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Json.GetProperty("chosen").GetString(), second.Json.GetProperty("chosen").GetString());
        var (firstHead, secondHead) = ((Mentor.Heads.Logistic.LinearHead)Mentor.Heads.HeadFormats.Read(_temp.Combine("first.onnx")),
            (Mentor.Heads.Logistic.LinearHead)Mentor.Heads.HeadFormats.Read(_temp.Combine("second.onnx")));
        Assert.Equal(firstHead.Weights.ToArray(), secondHead.Weights.ToArray());
        Assert.Equal(first.Json.GetProperty("test").GetProperty("logLoss").GetDouble(), second.Json.GetProperty("test").GetProperty("logLoss").GetDouble());
        Assert.Equal("C=0.0001", told.Json.GetProperty("chosen").GetString());
    }

    [Fact]
    public async Task A_knn_head_from_a_few_shots_is_a_model_file_too()
    {
        var train = Split("train", "train", 3);
        var model = _temp.Combine("knn.onnx");

        var result = await CliRunner.RunAsync("train", train, "--head", "knn", "--test-fraction", "0.34", "-o", model, "--cache", _temp.Combine("cache"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("knn", result.Json.GetProperty("head").GetString());
        Assert.Equal(3, result.Json.GetProperty("testImages").GetInt32());
        using var classifier = ImageClassifier.Load(model);
        Assert.Equal("knn", classifier.Metadata.Head);
    }

    [Fact]
    public async Task Fine_tuning_reports_its_epochs_and_writes_a_report_with_its_curves()
    {
        var train = Split("train", "train", 8);
        var validation = Split("validation", "validation", 3);
        var model = _temp.Combine("tuned.onnx");
        var report = _temp.Combine("report.html");

        var result = await CliRunner.RunAsync("train", train, "--val", validation, "-o", model, "--cache", _temp.Combine("cache"), "--json",
            "--fine-tune", "--epochs", "2", "--views", "1", "--precision", "fp32", "--keep-best-epoch", "--report", report);

        Assert.True(result.ExitCode == 0, result.Error);
        var tune = result.Json.GetProperty("fineTune");
        Assert.Equal(2, tune.GetProperty("epochs").GetArrayLength());
        Assert.All(tune.GetProperty("epochs").EnumerateArray(), e => Assert.True(e.GetProperty("imagesPerSecond").GetDouble() > 0));
        var best = tune.GetProperty("bestEpoch").GetInt32();
        Assert.InRange(best, 0, 2);
        Assert.Equal(0, tune.GetProperty("averagedEpochs").GetArrayLength());
        Assert.Equal(best == 0 ? "the head on frozen features" : $"epoch {best}", tune.GetProperty("kept").GetString());
        Assert.Equal("fp32", tune.GetProperty("precision").GetString());
        using var classifier = ImageClassifier.Load(model);
        Assert.Equal("fp32", (string)classifier.Metadata.Training["fineTune"]!["precision"]!);
        Assert.StartsWith("resnet18:fine-tuned:", classifier.Metadata.BackboneIdentity, StringComparison.Ordinal);
        var html = File.ReadAllText(report);
        Assert.Contains("id=\"training-curves\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"confusion-matrix\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fine_tuning_options_without_fine_tune_are_refused()
    {
        var result = await CliRunner.RunAsync("train", _temp.Path, "-o", _temp.Combine("m.onnx"), "--epochs", "3");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--epochs only applies with --fine-tune", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("single-class", 1, "only one class folder")]
    [InlineData("unknown-test-class", 1, "'hat' are not among the model's labels")]
    [InlineData("val-twice", 2, "use either --val or --val-fraction")]
    [InlineData("no-output", 2, "--output")]
    [InlineData("bad-head", 2, "--head")]
    [InlineData("bad-precision", 2, "--precision")]
    public async Task Bad_training_input_is_one_clear_line(string kind, int exitCode, string message)
    {
        var train = Split("train", "train", 2);
        var model = _temp.Combine("m.onnx");
        string[] args = kind switch
        {
            "single-class" => ["train", _temp.MakeDataset("one", new Dictionary<string, IReadOnlyList<string>> { ["dress"] = SharedData.Clothing("train", "dress", 3) }), "-o", model],
            "unknown-test-class" => ["train", train, "--test", _temp.MakeDataset("t", new Dictionary<string, IReadOnlyList<string>> { ["hat"] = SharedData.Clothing("test", "hat", 1) }), "-o", model],
            "val-twice" => ["train", train, "--val", train, "--val-fraction", "0.2", "-o", model],
            "no-output" => ["train", train],
            "bad-precision" => ["train", train, "--fine-tune", "--precision", "fp16", "-o", model],
            _ => ["train", train, "--head", "forest", "-o", model],
        };

        var result = await CliRunner.RunAsync([.. args, "--cache", _temp.Combine("cache")]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(File.Exists(model));
    }
}
