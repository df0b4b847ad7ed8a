using Google.Protobuf;
using Mentor.Models.Export;
using Onnx;

namespace Mentor.TestBackbones;

/// <summary>
/// A tiny ViT-style image encoder with random weights, shaped like a Hugging Face Optimum export: input
/// <c>pixel_values</c> NCHW (RGB 0..1, mean/std 0.5); a 16x16 stride-16 patchify Conv to T tokens of width D, a learned CLS
/// token first, position embeddings, one pre-norm MLP block (LayerNormalization, MatMul, GELU; no attention), a final
/// LayerNormalization; outputs <c>last_hidden_state</c> [N,T+1,D] and <c>pooler_output</c> [N,D] (tanh of a dense layer on
/// the CLS token, as ViT's pooler).
/// </summary>
public static class TinyEncoder
{
    public const string Name = "tiny-encoder";
    public const string FixedBatchName = Name + "-b1";
    public const string InputName = "pixel_values";
    public const string HiddenStateName = "last_hidden_state";
    public const string PoolerName = "pooler_output";
    public const int DefaultInputSize = 64;
    public const int Patch = 16;
    public const int Width = 32;
    private const int MlpRatio = 4;
    private const ulong Seed = 17;
    private const long Opset = 17;
    private static readonly double[] PixelRange = [0, 1];
    private static readonly double[] Half = [0.5, 0.5, 0.5];

    /// <summary>Builds <c>tiny-encoder</c> (symbolic batch) or, with <paramref name="fixedBatch"/>, <c>tiny-encoder-b1</c> (batch 1).</summary>
    /// <param name="inputSize">Input side; a multiple of <see cref="Patch"/>.</param>
    /// <param name="fixedBatch">Fix the batch dimension at 1.</param>
    public static TestBackbone Build(int inputSize = DefaultInputSize, bool fixedBatch = false)
    {
        if (inputSize % Patch != 0) throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, $"must be a multiple of the {Patch}-pixel patch");
        var name = fixedBatch ? FixedBatchName : Name;
        var batch = fixedBatch ? 1 : DeclaredOutput.SymbolicBatch;
        var tokens = (inputSize / Patch) * (inputSize / Patch) + 1;
        var outputs = new[] { new DeclaredOutput(HiddenStateName, [batch, tokens, Width]), new DeclaredOutput(PoolerName, [batch, Width]) };
        var graph = new GraphProto { Name = "tiny_encoder" };
        graph.Input.Add(TensorValue.Create(InputName, [batch, 3, inputSize, inputSize], Conventions.BatchName));
        var random = new SeededRandom(Seed);
        var layers = new Layers(new GraphBuilder(graph, Opset), random);
        var b = layers.Builder;

        // Patches: [N,D,h,w] -> [N,D,h*w] -> [N,T,D].
        var patches = layers.Conv("embeddings.patch_embeddings.projection", InputName, 3, Width, Patch, stride: Patch);
        var flat = b.Node("Reshape", "/embeddings/Reshape_output_0", [patches, b.Constant("/embeddings/flat_shape", new long[] { 0, Width, -1 }, 3)]);
        var patchTokens = b.Node("Transpose", "/embeddings/Transpose_output_0", [flat], GraphBuilder.Ints("perm", 0, 2, 1));

        // The CLS token, expanded to the batch: shape [N,1,D] from the input's N.
        var inputShape = b.Node("Shape", "/embeddings/Shape_output_0", [InputName]);
        var n = b.Slice("/embeddings/Slice_output_0", inputShape, 0, 1, 0);
        var clsShape = b.Node("Concat", "/embeddings/Concat_output_0", [n, b.Constant("/embeddings/cls_tail", new long[] { 1, Width }, 2)], GraphBuilder.Int("axis", 0));
        var cls = b.Node("Expand", "/embeddings/Expand_output_0", [b.Constant("embeddings.cls_token", random.Uniform(Width, 0.02f), 1, 1, Width), clsShape]);
        var sequence = b.Node("Concat", "/embeddings/Concat_1_output_0", [cls, patchTokens], GraphBuilder.Int("axis", 1));
        var x = b.Node("Add", "/embeddings/Add_output_0", [sequence, b.Constant("embeddings.position_embeddings", random.Uniform(tokens * Width, 0.02f), 1, tokens, Width)]);

        // One pre-norm MLP block with a residual connection.
        var h = layers.LayerNorm("encoder.layer.0.layernorm_before", x, Width);
        h = layers.Gelu("encoder.layer.0.intermediate.act", layers.MatMulAdd("encoder.layer.0.intermediate.dense", h, Width, MlpRatio * Width));
        h = layers.MatMulAdd("encoder.layer.0.output.dense", h, MlpRatio * Width, Width);
        x = b.Node("Add", "/encoder/layer.0/Add_output_0", [x, h]);
        var hidden = layers.LayerNorm("layernorm", x, Width, HiddenStateName);

        // ViT's pooler: tanh(dense(CLS)).
        var first = b.Node("Gather", "/pooler/Gather_output_0", [hidden, b.Constant("/pooler/index", new long[] { 0 })], GraphBuilder.Int("axis", 1));
        var dense = layers.Linear("pooler.dense", "/pooler/dense/Gemm_output_0", first, Width, Width);
        b.Node("Tanh", PoolerName, [dense]);
        graph.Output.AddRange(outputs.Select(o => TensorValue.Create(o, Conventions.BatchName)));

        var model = Layers.Model(graph, Opset, "A tiny ViT-style encoder with random (seeded) weights, outputs named as a Hugging Face Optimum export.");
        var spec = new TestBackboneSpec(name, name + ".onnx", [3, inputSize, inputSize], "NCHW", "RGB", PixelRange, Half, Half,
            "bilinear", CropPct: 0.9, HiddenStateName, "cls");
        return new TestBackbone(name, model.ToByteArray(), spec, outputs);
    }
}
