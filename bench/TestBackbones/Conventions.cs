using Mentor.Models.Export;

namespace Mentor.TestBackbones;

/// <summary>Graph pieces shared by the test backbones: the symbolic batch name, and undoing a convention's pixel arithmetic.</summary>
internal static class Conventions
{
    /// <summary>The symbolic batch dimension's name, as PyTorch and Hugging Face Optimum exports spell it.</summary>
    public const string BatchName = "batch_size";

    /// <summary>
    /// Nodes turning <paramref name="input"/> (NCHW, <c>(pixel mapped to pixelRange - mean) / std</c>) back into RGB pixels
    /// 0..255: <c>v = x * std + mean</c>, then <c>(v - low) * 255 / (high - low)</c>. Identity steps are left out.
    /// </summary>
    /// <returns>The 0..255 tensor's name.</returns>
    public static string UndoMeanStd(GraphBuilder builder, string input, IReadOnlyList<double> mean, IReadOnlyList<double> std, IReadOnlyList<double> pixelRange)
    {
        var x = input;
        if (std.Any(s => s != 1))
            x = builder.Node("Mul", "undo_std", [x, builder.Constant("undo_std_value", PerChannel(std), 1, 3, 1, 1)]);
        if (mean.Any(m => m != 0))
            x = builder.Node("Add", "undo_mean", [x, builder.Constant("undo_mean_value", PerChannel(mean), 1, 3, 1, 1)]);
        var (low, high) = (pixelRange[0], pixelRange[1]);
        if (low != 0)
            x = builder.Node("Sub", "undo_range_low", [x, builder.Constant("undo_range_low_value", [(float)low], 1)]);
        if (high - low != 255)
            x = builder.Node("Mul", "rgb_0_255", [x, builder.Constant("undo_range_scale", [(float)(255 / (high - low))], 1)]);
        return x;
    }

    private static float[] PerChannel(IReadOnlyList<double> values) => values.Select(v => (float)v).ToArray();
}
