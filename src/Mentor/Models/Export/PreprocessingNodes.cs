using Mentor.Backbones;

namespace Mentor.Models.Export;

/// <summary>
/// The ONNX form of a <see cref="PreprocessingSpec"/>: from RGB 0..255 planes to the backbone's input (channel order,
/// scale, offset, mean per channel or image, std, layout). Steps that would change nothing are left out.
/// </summary>
internal static class PreprocessingNodes
{
    /// <summary>Appends the nodes from <paramref name="image"/> [N,3,H,W] to <paramref name="output"/>.</summary>
    public static void Append(GraphBuilder builder, PreprocessingSpec spec, string image, string output)
    {
        var steps = new List<Func<string, string, string>>();
        if (spec.ChannelOrder == ChannelOrder.Bgr)
            steps.Add((x, o) => builder.Node("Gather", o, [x, builder.Constant("mentor_bgr_order", new long[] { 2, 1, 0 }, 3)], GraphBuilder.Int("axis", 1)));
        if (spec.PixelScale != 1f)
            steps.Add((x, o) => builder.Node("Mul", o, [x, builder.Constant("mentor_pixel_scale", new[] { spec.PixelScale })]));
        if (spec.PixelOffset != 0f)
            steps.Add((x, o) => builder.Node("Add", o, [x, builder.Constant("mentor_pixel_offset", new[] { spec.PixelOffset })]));
        var mean = spec.Mean;
        if (mean.Any(m => m != 0f))
            steps.Add((x, o) => builder.Node("Sub", o, [x, mean.Length == 3
                ? builder.Constant("mentor_mean", mean, 1, 3, 1, 1)
                : builder.Constant("mentor_mean_image", mean, 1, 3, spec.InputSize, spec.InputSize)]));
        if (spec.Std is { } std && std.Any(s => s != 1f))
            steps.Add((x, o) => builder.Node("Div", o, [x, builder.Constant("mentor_std", std, 1, 3, 1, 1)]));
        if (spec.Layout == TensorLayout.Nhwc)
            steps.Add((x, o) => builder.Node("Transpose", o, [x], GraphBuilder.Ints("perm", 0, 2, 3, 1)));
        if (steps.Count == 0)
            steps.Add((x, o) => builder.Node("Identity", o, [x]));

        var current = image;
        for (var i = 0; i < steps.Count; i++)
            current = steps[i](current, i == steps.Count - 1 ? output : $"mentor_preprocess_{i}");
    }
}
