namespace Mentor.Quantization;

/// <summary>What ONNX Runtime's optimiser made of a quantised model: operator counts of the graph it really runs.</summary>
/// <param name="Operators">Count per operator type (domain-qualified for non-standard domains, e.g. <c>com.microsoft.nchwc:Conv</c>).</param>
public sealed record FusionReport(IReadOnlyDictionary<string, int> Operators)
{
    /// <summary>Integer convolutions (QLinearConv, in any layout).</summary>
    public int IntegerConvolutions => Count(op => op.EndsWith("QLinearConv", StringComparison.Ordinal));

    /// <summary>Convolutions left in floating point (Conv, FusedConv, NCHWc Conv): 0 when the fusion worked.</summary>
    public int FloatConvolutions => Count(op => op.EndsWith(":Conv", StringComparison.Ordinal) || op is "Conv" || op.EndsWith("FusedConv", StringComparison.Ordinal));

    /// <summary>Integer additions (QLinearAdd).</summary>
    public int IntegerAdds => Count(op => op.EndsWith("QLinearAdd", StringComparison.Ordinal));

    private int Count(Func<string, bool> match) => Operators.Where(o => match(o.Key)).Sum(o => o.Value);

    /// <summary>E.g. <c>22 QLinearConv, 9 QLinearAdd, 0 fp32 Conv</c>.</summary>
    public override string ToString() => $"{IntegerConvolutions} QLinearConv, {IntegerAdds} QLinearAdd, {FloatConvolutions} fp32 Conv";
}
