using System.Text.Json.Nodes;
using Mentor.Backbones;
using Mentor.Imaging;
using Mentor.Models;

namespace Mentor.Quantization;

/// <summary>
/// Quantises the backbone part of a Mentor model file: the output is an int8 Mentor model file with the same head,
/// labels, input rule and metrics, its metadata naming the int8 backbone and the calibration set.
/// </summary>
public static class ModelFileQuantizer
{
    /// <summary>Writes the int8 version of <paramref name="modelPath"/> to <paramref name="outputPath"/>.</summary>
    /// <param name="modelPath">A Mentor model file with an fp32 backbone.</param>
    /// <param name="calibrationFolder">Photos to calibrate on; null: the training folder recorded in the model, if it still exists.</param>
    /// <param name="outputPath">The int8 model file to write.</param>
    /// <param name="cacheDirectory">Where the quantised backbone is cached; null: the default cache folder.</param>
    /// <param name="calibrationCount">Photos sampled for calibration.</param>
    /// <param name="seed">Seeds the calibration sample.</param>
    /// <param name="cancellation">Stops calibration.</param>
    /// <exception cref="ModelFileException">The file is not a usable Mentor model.</exception>
    /// <exception cref="QuantizationException">It is already int8, its backbone was fine-tuned or is not this Mentor's, or no calibration photos.</exception>
    public static ModelMetadata Quantize(string modelPath, string? calibrationFolder, string outputPath, string? cacheDirectory = null,
        int calibrationCount = CalibrationSet.DefaultCount, int seed = 42, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        var folder = calibrationFolder ?? TrainingFolder(ModelFile.Read(modelPath).Metadata)
            ?? throw new CalibrationFolderException(modelPath, "the folder it was trained on is not here");
        return Quantize(modelPath, CalibrationSet.FromFolder(folder, calibrationCount, seed), folder, outputPath, cacheDirectory, cancellation);
    }

    /// <summary>Writes the int8 version of <paramref name="modelPath"/> to <paramref name="outputPath"/>, calibrated on photos chosen by the caller.</summary>
    /// <param name="modelPath">A Mentor model file with an fp32 backbone.</param>
    /// <param name="calibration">The photos to calibrate on (some of the training photos, never held-out ones).</param>
    /// <param name="calibrationSource">Where the photos came from, recorded in the output's metadata.</param>
    /// <param name="outputPath">The int8 model file to write.</param>
    /// <param name="cacheDirectory">Where the quantised backbone is cached; null: the default cache folder.</param>
    /// <param name="cancellation">Stops calibration.</param>
    /// <exception cref="ModelFileException">The file is not a usable Mentor model.</exception>
    /// <exception cref="QuantizationException">It is already int8, its backbone was fine-tuned or is not this Mentor's.</exception>
    public static ModelMetadata Quantize(string modelPath, CalibrationSet calibration, string calibrationSource, string outputPath, string? cacheDirectory = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(modelPath);
        ArgumentNullException.ThrowIfNull(calibration);
        ArgumentNullException.ThrowIfNull(calibrationSource);
        ArgumentNullException.ThrowIfNull(outputPath);
        var (bytes, metadata) = ModelFile.Read(modelPath);
        if (BackboneIdentity.IsInt8(metadata.BackboneIdentity))
            throw new QuantizationException($"{modelPath}: the model is already int8; pass the fp32 model file.");
        if (metadata.Training["fineTune"] is not null)
            throw new QuantizationException($"{modelPath}: its backbone was fine-tuned, and int8 quantisation calibrates the stock backbone; quantise a model trained without fine-tuning.");
        var spec = metadata.BackboneSpec is { } recorded
            ? BackboneSpecFile.FromJson(recorded, modelPath).Spec
            : BackboneResolver.Spec(metadata.Backbone);
        var fp32Identity = spec.Identity;
        if (metadata.BackboneIdentity != fp32Identity)
            throw new QuantizationException($"{modelPath}: trained on backbone '{metadata.BackboneIdentity}', but this Mentor's is '{fp32Identity}'; retrain the model with this Mentor, then quantise it.");
        var head = Heads.HeadFormats.Read(bytes, metadata.Head, modelPath);
        bytes = [];

        var preprocessing = spec.Preprocessing.WithResize(ResizeRule.Parse(metadata.Input.Resize));
        var int8 = Int8Backbones.GetOrCreate(PreparedModels.GetOrCreate(spec, cacheDirectory), calibration, preprocessing, cacheDirectory, cancellation);

        var training = (JsonObject)metadata.Training.DeepClone();
        training["int8"] = new JsonObject
        {
            ["calibrationPhotos"] = calibration.Photos.Count,
            ["calibrationSeed"] = calibration.Seed,
            ["calibrationSet"] = calibration.Hash,
            ["calibrationFolder"] = Path.GetFullPath(calibrationSource),
            ["fp32Backbone"] = fp32Identity,
        };
        var quantized = metadata with { BackboneIdentity = int8.Identity, Training = training, Created = DateTimeOffset.UtcNow };
        ClassifierFile.Write(outputPath, int8, head, quantized);
        return quantized;
    }

    /// <summary>The folder the model was trained on, as its metadata records it, when it still exists here; else null.</summary>
    public static string? TrainingFolder(ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.Training["trainRoot"]?.GetValue<string>() is { } root && Directory.Exists(root) ? root : null;
    }
}
