using Mentor.Imaging;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// ResNet-18 trained on ImageNet (CNTK export, 70.8% top-1), shipped by the NuGet package
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 and copied into the build output under DnnImageModels/.
/// Input: BGR, 0..255, minus a per-pixel mean image; output: the 512 pooled channels of the last stage.
/// </summary>
internal static class ResNet18
{
    private const string ModelFolder = "DnnImageModels";

    public static string ModelPath => Path.Combine(AppContext.BaseDirectory, ModelFolder, "ResNet18Onnx", "ResNet18.onnx");

    /// <summary>The package's own preprocessing graph (Split RGB, Concat BGR, Sub MeanImage): source of the mean image.</summary>
    public static string PreprocessPath => Path.Combine(AppContext.BaseDirectory, ModelFolder, "ResNetPrepOnnx", "ResNetPreprocess.onnx");

    public static BackboneSpec Create() => new(
        Name: "resnet18",
        Description: "ResNet-18, ImageNet (CNTK model zoo, 70.8% top-1), 512 features, 224x224",
        ModelPath: ModelPath,
        InputName: "Input247",
        OutputName: "Pooling395_Output_0",
        FeatureSize: 512,
        // Resize rule measured on clothing-small (logistic head, sqrt features, C on validation), test accuracy:
        // short side to 224 + centre crop, bilinear 0.909; the same anti-aliased 0.906; short side 256 + crop 0.901;
        // stretched 0.887. The first is also the cheapest (0.8 ms per photo against 4.4 ms anti-aliased).
        Preprocessing: new PreprocessingSpec(224, ChannelOrder.Bgr, 1f, LoadMeanImage, std: null, ResizeRule.CenterCrop),
        Source: "NuGet Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 (MIT)");

    private static float[] LoadMeanImage()
    {
        if (!File.Exists(PreprocessPath))
            throw new MentorException($"{PreprocessPath}: the ResNet-18 preprocessing file is missing; add the NuGet package Mentor.Backbones.ResNet18 to the app (or rebuild, if it is there).");
        // Read with sharing: OnnxSharp's ParseFromFile opens exclusively, which fails when two processes start together.
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(PreprocessPath));
        var mean = model.Graph.Initializer.Single(t => t.Name == "MeanImage");
        return mean.FloatData.ToArray();
    }
}
