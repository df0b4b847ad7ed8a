using Google.Protobuf;
using Mentor.Backbones;
using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Post-training static int8 quantisation of a backbone's ONNX graph: BatchNormalization folded into the
/// convolutions, the graph raised to opset 13, activation ranges calibrated (min/max) on a sample of the user's photos
/// through the fp32 graph, then QDQ nodes inserted (uint8 asymmetric per-tensor activations, int8 symmetric per-channel
/// weights, int32 biases). The result is checked: ONNX Runtime must run every convolution as QLinearConv.
/// </summary>
public static class BackboneQuantizer
{
    /// <summary>Changes whenever the quantiser's output would; part of the cache key of quantised models.</summary>
    public const string Version = "1";

    /// <summary>Quantises <paramref name="spec"/>'s prepared model (see <see cref="Quantize(BackboneModel, CalibrationSet, PreprocessingSpec?, CancellationToken)"/>).</summary>
    public static QuantizationResult Quantize(BackboneSpec spec, CalibrationSet calibration, PreprocessingSpec? preprocessing = null, CancellationToken cancellation = default) =>
        Quantize(PreparedModels.GetOrCreate(spec), calibration, preprocessing, cancellation);

    /// <summary>Quantises <paramref name="backbone"/>, calibrating on <paramref name="calibration"/> prepared with <paramref name="preprocessing"/> (default: the spec's).</summary>
    /// <exception cref="QuantizationException">The model cannot be quantised (an operator the quantiser does not handle), or no calibration photo is usable.</exception>
    public static QuantizationResult Quantize(BackboneModel backbone, CalibrationSet calibration, PreprocessingSpec? preprocessing = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(calibration);
        var spec = backbone.Spec;
        preprocessing ??= spec.Preprocessing;
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(backbone.Path));
        var graph = model.Graph;
        OpsetUpgrade.Apply(model, spec.ModelPath);
        BatchNormFolding.Apply(graph);
        var plan = QdqPlan.For(graph);

        var tensors = plan.CalibratedTensors;
        var calibrationModel = WithOutputs(model, tensors);
        var ranges = Calibrator.Run(calibrationModel, PreparedGraph.InputName, tensors, calibration, preprocessing, cancellation);
        calibrationModel = null;

        QdqInserter.Apply(graph, plan, ranges);
        graph.Name = $"{spec.Name}_int8";
        graph.DocString = $"{spec.Name}, int8 QDQ (uint8 activations, int8 per-channel weights), calibrated by Mentor on {calibration.Photos.Count} photos (set {calibration.Hash[..16]}).";
        model.ProducerName = "Mentor";
        model.ProducerVersion = Models.ClassifierFile.MentorVersion;
        var bytes = model.ToByteArray();

        var fusion = FusionCheck.Inspect(bytes);
        if (fusion.FloatConvolutions > 0 || fusion.IntegerConvolutions == 0)
            throw new QuantizationException($"{spec.ModelPath}: ONNX Runtime did not fuse the quantised graph ({fusion}); the int8 model would not be faster, use the fp32 backbone.");
        return new QuantizationResult(bytes, fusion, calibration.Photos.Count, ranges);
    }

    // The fp32 graph serialised with each calibrated activation added as an output (the graph itself is left unchanged).
    private static byte[] WithOutputs(ModelProto model, IReadOnlyList<string> tensors)
    {
        var added = tensors.Where(t => !model.Graph.Output.Any(o => o.Name == t)).Select(Tensors.FloatValue).ToList();
        model.Graph.Output.AddRange(added);
        try
        {
            return model.ToByteArray();
        }
        finally
        {
            foreach (var output in added) model.Graph.Output.Remove(output);
        }
    }
}
