using Mentor.Backbones;
using Mentor.Cli.Commands;
using Mentor.Heads.Logistic;
using Mentor.Models;
using Mentor.Tests.Support;

namespace Mentor.Tests.Quantization;

[Collection(BackboneCollection.Name)]
public sealed class Int8ModelFilesTests(Int8Fixture int8, SharedBackbone fp32) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_changed_calibration_photo_makes_a_new_int8_model()
    {
        // Given an fp32 model file and a calibration folder of the fixture's photos
        var model = _temp.Combine("fp32.onnx");
        var random = new Random(3);
        var head = new LinearHead(Enumerable.Range(0, 2 * 512).Select(_ => (float)random.NextDouble() - 0.5f).ToArray(), new float[2]);
        ClassifierFile.Write(model, BackboneRegistry.Get("resnet18"), head, new ModelMetadata { Labels = ["a", "b"], Backbone = "resnet18", BackboneIdentity = fp32.Backbone.Identity });
        var folder = _temp.MakeDataset("calibration", Directory.GetDirectories(int8.CalibrationFolder)
            .ToDictionary(d => Path.GetFileName(d), d => (IReadOnlyList<string>)[.. Directory.GetFiles(d).Order(StringComparer.Ordinal)]));

        // When the int8 model is asked for twice, then once more after one photo's bytes changed under the same name
        var first = Int8ModelFiles.GetOrCreate(model, folder, int8.CacheDirectory, CancellationToken.None);
        var written = File.GetLastWriteTimeUtc(first);
        var again = Int8ModelFiles.GetOrCreate(model, folder, int8.CacheDirectory, CancellationToken.None);
        var photo = Directory.GetFiles(Path.Combine(folder, "dress")).Order(StringComparer.Ordinal).First();
        File.Copy(SharedData.Clothing("train", "dress", 20)[^1], photo, overwrite: true);
        var changed = Int8ModelFiles.GetOrCreate(model, folder, int8.CacheDirectory, CancellationToken.None);

        // Then the same photos reuse the cached model, and the changed photo gives a new one calibrated on the new set
        Assert.Equal(first, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again));
        Assert.NotEqual(first, changed);
        var calibrationSet = (string?)ModelFile.Read(changed).Metadata.Training["int8"]?["calibrationSet"];
        Assert.NotEqual((string?)ModelFile.Read(first).Metadata.Training["int8"]?["calibrationSet"], calibrationSet);
    }
}
