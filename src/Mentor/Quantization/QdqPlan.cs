using Onnx;

namespace Mentor.Quantization;

/// <summary>
/// Which activations get a QuantizeLinear, and how their range is chosen. Every activation read or written by a
/// Conv, Add or MaxPool is quantised, except that a Conv or Add output read only by a Relu is replaced by the Relu's
/// output (quantised on [0, max], which makes the Relu redundant). Anything else (the final average pool) stays fp32.
/// </summary>
internal sealed class QdqPlan
{
    private static readonly HashSet<string> Quantised = new(StringComparer.Ordinal) { "Conv", "Add", "MaxPool" };

    private readonly Dictionary<string, (RangeRule Rule, string? Source)> _tensors = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    private QdqPlan() { }

    /// <summary>Quantised tensor names, in graph order.</summary>
    public IReadOnlyList<string> Tensors => _order;

    /// <summary>Tensors whose range must be calibrated (all but MaxPool outputs).</summary>
    public IReadOnlyList<string> CalibratedTensors => _order.Where(t => _tensors[t].Rule != RangeRule.SameAsInput).ToList();

    public bool Contains(string tensor) => _tensors.ContainsKey(tensor);

    public (RangeRule Rule, string? Source) this[string tensor] => _tensors[tensor];

    /// <summary>The plan for <paramref name="graph"/> (BatchNormalization already folded).</summary>
    public static QdqPlan For(GraphProto graph)
    {
        var plan = new QdqPlan();
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var outputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        var consumers = new Dictionary<string, List<NodeProto>>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var o in node.Output) producers[o] = node;
            foreach (var i in node.Input)
            {
                if (!consumers.TryGetValue(i, out var list)) consumers[i] = list = [];
                list.Add(node);
            }
        }

        void Mark(string tensor)
        {
            if (plan._tensors.ContainsKey(tensor) || outputs.Contains(tensor) || initializers.Contains(tensor)) return;
            var producer = producers.GetValueOrDefault(tensor);
            var rule = producer?.OpType switch
            {
                "Relu" => (RangeRule.ReluOutput, (string?)null),
                "MaxPool" => (RangeRule.SameAsInput, producer.Input[0]),
                _ => (RangeRule.Observed, null),
            };
            if (rule.Item1 == RangeRule.SameAsInput) Mark(rule.Item2!);
            plan._tensors[tensor] = rule;
            plan._order.Add(tensor);
        }

        foreach (var node in graph.Node.Where(n => Quantised.Contains(n.OpType)))
        {
            var activations = node.OpType == "Add" ? node.Input.ToList() : [node.Input[0]];
            foreach (var input in activations) Mark(input);
            foreach (var output in node.Output)
            {
                var readers = consumers.GetValueOrDefault(output) ?? [];
                Mark(node.OpType != "MaxPool" && readers is [{ OpType: "Relu" } relu] ? relu.Output[0] : output);
            }
        }
        return plan;
    }
}
