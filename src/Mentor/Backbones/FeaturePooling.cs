using Mentor.Models.Export;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// The nodes that turn a backbone's feature value into [N, D]: a 4-D map averaged over space (its channel axis
/// from the input layout), 3-D tokens [N, T, D] reduced to the first (CLS) token or their mean, then flattened.
/// </summary>
internal static class FeaturePooling
{
    /// <summary>The pool in force for a value of <paramref name="shape"/> (batch axis included).</summary>
    /// <exception cref="BackboneSpecException">The spec's pool does not fit the value's rank.</exception>
    public static FeaturePool Resolve(long[] shape, BackboneSpec spec)
    {
        var rank = shape.Length;
        var pool = spec.Pool;
        if (pool == FeaturePool.Auto) pool = rank switch { 4 => FeaturePool.Avg, 3 => FeaturePool.Cls, _ => FeaturePool.None };
        var fits = pool switch
        {
            FeaturePool.Avg => rank == 4,
            FeaturePool.Cls or FeaturePool.Mean => rank == 3,
            _ => rank >= 2,
        };
        if (!fits)
            throw new BackboneSpecException(spec.ModelPath, "pool",
                $"'{pool.ToString().ToLowerInvariant()}' does not fit the feature '{spec.Feature}' of shape [{string.Join(",", shape)}] (avg needs 4-D, cls and mean 3-D)");
        return pool;
    }

    /// <summary>D: the length of the pooled, flattened feature.</summary>
    public static int Dimension(long[] shape, BackboneSpec spec) => Resolve(shape, spec) switch
    {
        FeaturePool.Avg => (int)(spec.Preprocessing.Layout == TensorLayout.Nchw ? shape[1] : shape[3]),
        FeaturePool.Cls or FeaturePool.Mean => (int)shape[2],
        _ => (int)shape.Skip(1).Aggregate(1L, (a, b) => a * b),
    };

    /// <summary>Appends the pooling and flattening of <paramref name="feature"/> (shaped <paramref name="shape"/>) into <paramref name="output"/>.</summary>
    public static void Append(ModelProto model, string feature, long[] shape, BackboneSpec spec, string output)
    {
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();
        var builder = new GraphBuilder(model.Graph, opset);
        var pooled = Resolve(shape, spec) switch
        {
            // A map already 1x1 needs no pooling (the built-in backbone's own output is pooled).
            FeaturePool.Avg when shape[2] * (spec.Preprocessing.Layout == TensorLayout.Nchw ? shape[3] : shape[1]) == 1 => feature,
            FeaturePool.Avg when spec.Preprocessing.Layout == TensorLayout.Nchw => builder.Node("GlobalAveragePool", "backbone_pooled", [feature]),
            FeaturePool.Avg => ReduceMean(builder, feature, 1, 2),
            FeaturePool.Mean => ReduceMean(builder, feature, 1),
            FeaturePool.Cls => builder.Node("Gather", "backbone_pooled", [feature, ScalarZero(builder)], GraphBuilder.Int("axis", 1)),
            _ => feature,
        };
        builder.Node("Flatten", output, [pooled], GraphBuilder.Int("axis", 1));
    }

    // ReduceMean's axes are an attribute up to opset 17 and an input from 18.
    private static string ReduceMean(GraphBuilder builder, string input, params long[] axes) => builder.Opset < 18
        ? builder.Node("ReduceMean", "backbone_pooled", [input], GraphBuilder.Ints("axes", axes), GraphBuilder.Int("keepdims", 0))
        : builder.Node("ReduceMean", "backbone_pooled", [input, builder.Constant("backbone_pool_axes", axes, axes.Length)], GraphBuilder.Int("keepdims", 0));

    private static string ScalarZero(GraphBuilder builder) => builder.Constant("backbone_cls_index", new long[] { 0 });
}
