// ML.NET's standard transfer-learning pipeline, as its documentation and Model Builder write it:
// LoadImages -> ResizeImages (default: keep aspect, fill, centre crop) -> ExtractPixels -> DnnFeaturizeImage (ResNet-18)
// -> LbfgsMaximumEntropy. Usage: MlNetBaseline <train-dir> <test-dir>. Prints one JSON line with the wall time of the
// whole run (fit on train, evaluate on test), its parts, and the test accuracy.
using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: MlNetBaseline <train-dir> <test-dir>");
    return 2;
}

var total = Stopwatch.StartNew();
var ml = new MLContext(seed: 42);
var train = ml.Data.LoadFromEnumerable(ImageRow.List(args[0]));
var test = ml.Data.LoadFromEnumerable(ImageRow.List(args[1]));

var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
    .Append(ml.Transforms.LoadImages("Image", imageFolder: "", inputColumnName: nameof(ImageRow.Path)))
    .Append(ml.Transforms.ResizeImages("Image", 224, 224))
    .Append(ml.Transforms.ExtractPixels("Pixels", "Image"))
    .Append(ml.Transforms.DnnFeaturizeImage("Features", m => m.ModelSelector.ResNet18(ml, m.OutputColumn, m.InputColumn), "Pixels"))
    .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features"))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

var fitClock = Stopwatch.StartNew();
var model = pipeline.Fit(train);
var fitSeconds = fitClock.Elapsed.TotalSeconds;
var evaluateClock = Stopwatch.StartNew();
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
var evaluateSeconds = evaluateClock.Elapsed.TotalSeconds;

Console.WriteLine(JsonSerializer.Serialize(new
{
    anchor = "ML.NET 5.0.1 standard pipeline (ResNet-18 featurizer, LbfgsMaximumEntropy)",
    trainImages = ImageRow.List(args[0]).Count,
    testImages = ImageRow.List(args[1]).Count,
    fitSeconds,
    evaluateSeconds,
    wallSeconds = total.Elapsed.TotalSeconds,
    testAccuracy = metrics.MicroAccuracy,
    testMacroAccuracy = metrics.MacroAccuracy,
    peakWorkingSetMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6,
}));
return 0;

/// <summary>One labelled photo: the folder name is the label.</summary>
internal sealed class ImageRow
{
    public string Path { get; set; } = "";
    public string Label { get; set; } = "";

    public static List<ImageRow> List(string root) =>
        Directory.GetDirectories(root).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d).Order(StringComparer.Ordinal)
                .Select(f => new ImageRow { Path = System.IO.Path.GetFullPath(f), Label = System.IO.Path.GetFileName(d) }))
            .ToList();
}
