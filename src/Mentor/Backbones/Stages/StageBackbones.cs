using Google.Protobuf;
using Mentor.Models.Export;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// Backbones made of another backbone's stage outputs (<see cref="StageChoice"/>): its graph cut at those stages, each
/// output globally average-pooled, concatenated on channels, as <c>[N, D, 1, 1]</c> like any backbone output. The derived
/// ONNX file is made once and kept in the cache folder, keyed by the whole model's SHA-256 and the stages
/// (<c>&lt;cache&gt;/backbones/&lt;sha256&gt;.&lt;stages&gt;.stages-v1.onnx</c>); its own hash becomes the backbone's identity.
/// </summary>
public static class StageBackbones
{
    /// <summary>The derived graph's output.</summary>
    public const string OutputName = "stage_features";

    // Bump when the derived graph changes, so that old files (and the features keyed by them) are not reused.
    private const string Format = "stages-v1";

    /// <summary>The spec of <paramref name="whole"/>'s <paramref name="stages"/>, deriving its model file if needed.</summary>
    /// <exception cref="OnnxGraphException">A stage is not found; the message lists the stages there are.</exception>
    public static BackboneSpec Create(BackboneSpec whole, IReadOnlyList<string> stages, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(whole);
        ArgumentNullException.ThrowIfNull(stages);
        if (!File.Exists(whole.ModelPath))
            throw new MentorException($"{whole.ModelPath}: backbone model file not found; check the path or reinstall the package that carries it.");
        var joined = string.Join('+', stages);
        var path = Path.Combine(cacheDirectory ?? MentorPaths.DefaultCacheDirectory, "backbones", $"{whole.ContentHash[..32]}.{joined}.{Format}.onnx");
        int featureSize;
        if (File.Exists(path))
        {
            featureSize = FeatureSize(ModelProto.Parser.ParseFrom(File.ReadAllBytes(path)));
        }
        else
        {
            var model = Derive(whole, stages);
            featureSize = FeatureSize(model);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteAllBytes(path, model.ToByteArray());
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        return whole with
        {
            Name = $"{whole.Name}:{joined}",
            Description = $"{whole.Name}, stage output(s) {joined} average-pooled and concatenated, {featureSize} features",
            ModelPath = path,
            Feature = OutputName,
            Pool = FeaturePool.Auto,
            FixedBatch = false,
        };
    }

    /// <summary>The stages <paramref name="whole"/>'s graph has, first to last.</summary>
    public static IReadOnlyList<BackboneStage> Find(BackboneSpec whole)
    {
        ArgumentNullException.ThrowIfNull(whole);
        return StageFinder.Outputs(ModelProto.Parser.ParseFrom(File.ReadAllBytes(whole.ModelPath)).Graph, whole.Feature);
    }

    // The whole model, batch-symbolic, cut at the stages, pooled and concatenated; its output shape probed by ONNX Runtime.
    private static ModelProto Derive(BackboneSpec whole, IReadOnlyList<string> stages)
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(whole.ModelPath));
        SymbolicBatch.Apply(model.Graph);
        var found = StageFinder.Outputs(model.Graph, whole.Feature);
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(8).Max();
        var builder = new GraphBuilder(model.Graph, opset);
        var pooled = stages.Select(name =>
        {
            var stage = found.FirstOrDefault(s => s.Name == name)
                ?? throw new OnnxGraphException($"{whole.Name}: no stage '{name}'; stages found: {(found.Count > 0 ? string.Join(", ", found.Select(s => s.Name)) : "none")}.");
            return builder.Node("GlobalAveragePool", $"stage_pool_{name}", [stage.Value]);
        }).ToArray();
        builder.Node("Concat", OutputName, pooled, GraphBuilder.Int("axis", 1));
        GraphPruner.Prune(model.Graph, [OutputName]);

        using var sessionOptions = Backbone.CreateSessionOptions(BackboneOptions.Default);
        using (var session = new InferenceSession(model.ToByteArray(), sessionOptions))
        {
            var shape = ProbeShape(session, whole.InputName, whole.Preprocessing);
            model.Graph.Output.Clear();
            model.Graph.Output.Add(GraphBuilder.BatchTensor(OutputName, [.. shape.Select(d => (long)d)]));
        }
        return model;
    }

    // The output's shape after the batch axis, from one blank image.
    private static int[] ProbeShape(InferenceSession session, string input, PreprocessingSpec preprocessing)
    {
        using var blank = OrtValue.CreateTensorValueFromMemory(new float[preprocessing.TensorLength], preprocessing.BatchShape(1));
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input], [blank], [OutputName]);
        return [.. results[0].GetTensorTypeAndShape().Shape.Skip(1).Select(d => (int)d)];
    }

    private static int FeatureSize(ModelProto model) => (int)model.Graph.Output.Single(o => o.Name == OutputName).Type.TensorType.Shape.Dim[1].DimValue;
}
