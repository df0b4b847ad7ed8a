namespace Mentor.Cli.Commands;

/// <summary>What <c>mentor quantize</c> wrote, and what ONNX Runtime makes of it.</summary>
/// <param name="Kind"><c>backbone</c> or <c>model</c>.</param>
/// <param name="Source">The backbone name or model file quantised.</param>
/// <param name="Output">The file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="IntegerConvolutions">QLinearConv nodes after ONNX Runtime's optimisation.</param>
/// <param name="IntegerAdds">QLinearAdd nodes after it.</param>
/// <param name="FloatConvolutions">fp32 convolutions left (0 when fused).</param>
internal sealed record QuantizeSummary(string Kind, string Source, string Output, long Bytes, int IntegerConvolutions, int IntegerAdds, int FloatConvolutions);
