namespace Mentor.Training.FineTuning;

/// <summary>The operator converters the importer knows, keyed by ONNX operator type (registered explicitly).</summary>
internal static class OperatorConverters
{
    private static readonly IOperatorConverter[] All =
    [
        new ConvConverter(), new BatchNormConverter(), new ActivationConverter(), new ElementwiseConverter(),
        new PoolConverter(), new LinearConverter(), new ShapeConverter(), new PadConverter(), new PassThroughConverter(),
    ];

    private static readonly Dictionary<string, IOperatorConverter> ByType =
        All.SelectMany(c => c.OperatorTypes.Select(t => (t, c))).ToDictionary(p => p.t, p => p.c, StringComparer.Ordinal);

    /// <summary>Every supported operator type, sorted.</summary>
    public static IReadOnlyList<string> SupportedTypes { get; } = [.. ByType.Keys.Order(StringComparer.Ordinal)];

    public static IOperatorConverter? Find(string operatorType) => ByType.GetValueOrDefault(operatorType);
}
