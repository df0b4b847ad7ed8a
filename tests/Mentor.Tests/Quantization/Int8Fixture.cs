using Mentor.Backbones;
using Mentor.Quantization;
using Mentor.Tests.Support;

namespace Mentor.Tests.Quantization;

/// <summary>
/// One int8 ResNet-18 for the quantisation tests, calibrated on 16 real clothing photos (4 classes x 4, train split)
/// into a fresh cache folder, so that every test run really quantises. Shared by the backbone collection. Tests that pass <see cref="CalibrationFolder"/>
/// and <see cref="CacheDirectory"/> reuse the cached model instead of calibrating again.
/// </summary>
public sealed class Int8Fixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public Int8Fixture()
    {
        CalibrationFolder = _temp.MakeDataset("calibration",
            new[] { "dress", "pants", "shoes", "t-shirt" }.ToDictionary(l => l, l => SharedData.Clothing("train", l, 4)));
        CacheDirectory = _temp.Combine("cache");
        Calibration = CalibrationSet.FromFolder(CalibrationFolder, CalibrationPhotos);
        Backbone = Backbone.Load("resnet18", BackboneOptions.Default with { CacheDirectory = CacheDirectory, Int8 = true, Calibration = Calibration });
    }

    public const int CalibrationPhotos = 16;

    /// <summary>A labelled folder of the 16 calibration photos.</summary>
    public string CalibrationFolder { get; }

    public string CacheDirectory { get; }

    public CalibrationSet Calibration { get; }

    /// <summary>The int8 backbone (read-only session; tests in the collection run one at a time).</summary>
    public Backbone Backbone { get; }

    public void Dispose()
    {
        Backbone.Dispose();
        _temp.Dispose();
    }
}
