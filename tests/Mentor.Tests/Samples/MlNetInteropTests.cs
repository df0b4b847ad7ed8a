using Mentor.Cli;
using Mentor.Models;
using MlNetInterop;

namespace Mentor.Tests.Samples;

/// <summary>A Mentor model file run by ML.NET's ApplyOnnxModel (samples/MlNetInterop) answers as Mentor does.</summary>
public sealed class MlNetInteropTests : IDisposable
{
    private static readonly string[] Labels = ["dress", "pants", "shoes", "t-shirt"];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mentor-samples-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ApplyOnnxModel_gives_the_same_top1_as_Mentor_on_the_clothing_test_photos()
    {
        var model = await TrainAsync();
        var photos = Labels.SelectMany(l => Clothing("test", l, 10, 0)).ToList();

        using var mentor = ImageClassifier.Load(model);
        var expected = photos.Select(p => mentor.Predict(p, top: 1)[0].Label).ToList();
        using var mlnet = new MentorOnnxModel(model);
        var actual = mlnet.PredictTop1(photos);

        Assert.Equal(mentor.Labels, mlnet.Labels);
        Assert.Equal(expected, actual);
        // And the answers are a real classifier's: most of the 40 held-out photos named right.
        var right = photos.Where((p, i) => Path.GetFileName(Path.GetDirectoryName(p)) == actual[i]).Count();
        Assert.True(right >= 30, $"{right} of {photos.Count} right");
    }

    private async Task<string> TrainAsync()
    {
        var model = Path.Combine(_folder, "model.onnx");
        var train = Dataset("train", "train", 10, 0);
        var validation = Dataset("validation", "validation", 5, 0);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MentorApp.RunAsync(["train", train, "--val", validation, "-o", model, "--json"], stdout, stderr);
        Assert.True(code == 0, $"mentor train failed ({code}): {stderr}");
        return model;
    }

    private string Dataset(string name, string split, int perClass, int skip)
    {
        var root = Path.Combine(_folder, name);
        foreach (var label in Labels)
        {
            Directory.CreateDirectory(Path.Combine(root, label));
            foreach (var photo in Clothing(split, label, perClass, skip)) File.Copy(photo, Path.Combine(root, label, Path.GetFileName(photo)));
        }
        return root;
    }

    private static IReadOnlyList<string> Clothing(string split, string label, int count, int skip)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var folder = Path.Combine(dir.FullName, "shared", "datasets", "clothing-small", split, label);
            if (Directory.Exists(folder)) return Directory.GetFiles(folder).Order(StringComparer.Ordinal).Skip(skip).Take(count).ToList();
        }
        throw new DirectoryNotFoundException("shared/datasets/clothing-small not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
