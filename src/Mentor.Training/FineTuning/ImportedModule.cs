using System.Text.RegularExpressions;
using Onnx;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>
/// An ONNX graph imported into TorchSharp: runs the graph's nodes in topological order over named values. Float
/// initializers are trainable <see cref="Parameter"/>s; other initializers, single-value constants and shape
/// constants are buffers; each BatchNormalization is a real batch-norm submodule. Made by
/// <see cref="OnnxModuleImporter"/>, written back to ONNX by <see cref="OnnxModuleExporter"/>. The caller owns
/// the module (dispose it, which releases every parameter and buffer) and the tensors <see cref="Run"/> returns.
/// By default a batch-norm layer whose parameters are frozen stays in eval mode under <c>train()</c>
/// (see <see cref="FrozenBatchNormInEvalMode"/>). Not thread-safe.
/// </summary>
public sealed partial class ImportedModule : nn.Module<Tensor, Tensor>
{
    private readonly ImportedNode[] _nodes;
    private readonly Dictionary<string, Tensor> _initializers;
    private readonly Dictionary<string, Parameter> _weights;
    private readonly IReadOnlyDictionary<string, Tensor> _bound;
    private readonly (int Node, nn.Module Module)[] _modules;
    private readonly string[][] _releaseAfter;
    private readonly HashSet<string> _producedByNodes;
    private readonly ConvolutionPrecision _precision;

    internal ImportedModule(ModelProto source, ImportedNode[] nodes, ImportContext context) : base(nameof(ImportedModule))
    {
        Source = source;
        Opset = context.Opset;
        _precision = context.Precision;
        _nodes = nodes;
        _bound = context.Bound;
        _modules = [.. context.Modules];
        var graph = source.Graph;
        var names = new HashSet<string>(StringComparer.Ordinal);
        _initializers = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        _weights = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var proto in graph.Initializer)
        {
            if (context.Bound.TryGetValue(proto.Name, out var bound))
            {
                _initializers[proto.Name] = bound;
                continue;
            }
            var tensor = TensorProtos.ToTensor(proto);
            if (TensorProtos.IsFloat(proto) && tensor.numel() > 1 && !context.Constants.Contains(proto.Name))
            {
                var parameter = new Parameter(tensor, requires_grad: true);
                register_parameter(UniqueName(names, proto.Name), parameter);
                _weights[proto.Name] = parameter;
                _initializers[proto.Name] = parameter;
            }
            else
            {
                register_buffer(UniqueName(names, proto.Name), tensor);
                _initializers[proto.Name] = tensor;
            }
        }
        foreach (var (node, module) in _modules)
            register_module(UniqueName(names, nodes[node].Name.Length > 0 ? nodes[node].Name : $"node{node}"), module);
        foreach (var constant in context.OwnedConstants)
            register_buffer(UniqueName(names, "constant"), constant);
        InputNames = [.. graph.Input.Select(i => i.Name).Where(n => !_initializers.ContainsKey(n))];
        OutputNames = [.. graph.Output.Select(o => o.Name)];
        _releaseAfter = ReleasePlan(nodes, OutputNames);
        _producedByNodes = nodes.Select(n => n.Outputs[0]).ToHashSet(StringComparer.Ordinal);
        // The exporter rewrites every trained initializer from the module: drop the source's copy of their values.
        foreach (var proto in graph.Initializer.Where(i => _weights.ContainsKey(i.Name) || _bound.ContainsKey(i.Name)))
        {
            proto.RawData = Google.Protobuf.ByteString.Empty;
            proto.FloatData.Clear();
        }
    }

    /// <summary>The (pruned) source graph without the trained initializers' values; the exporter copies it and writes the current weights into the copy.</summary>
    internal ModelProto Source { get; }

    /// <summary>The default-domain operator set version of the source graph (kept on export).</summary>
    public long Opset { get; }

    /// <summary>The graph inputs fed by name (initializers listed as inputs excluded).</summary>
    public IReadOnlyList<string> InputNames { get; }

    /// <summary>The graph outputs (after any cut).</summary>
    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The graph's nodes in topological order (after any cut), each run by its own TorchSharp kernel.</summary>
    public IReadOnlyList<ImportedNode> Nodes => _nodes;

    /// <summary>Whether batch-norm layers with frozen parameters keep their running statistics fixed in training mode.</summary>
    public bool FrozenBatchNormInEvalMode { get; set; } = true;

    /// <summary>Whether every batch-norm layer keeps its running statistics fixed in training mode (its scale and shift may still train).</summary>
    public bool AllBatchNormInEvalMode { get; set; }

    /// <summary>
    /// Whether convolutions compute in bfloat16 (fast where the CPU has AVX512_BF16) while the weights, their gradients
    /// and every other operation stay fp32; see <see cref="ConvolutionPrecision"/>. Off by default.
    /// </summary>
    public bool ConvolutionsInBFloat16
    {
        get => _precision.BFloat16;
        set => _precision.BFloat16 = value;
    }

    /// <summary>Runs a graph with one input and one output.</summary>
    public override Tensor forward(Tensor input)
    {
        if (InputNames.Count != 1 || OutputNames.Count != 1)
            throw new InvalidOperationException($"the graph has {InputNames.Count} inputs and {OutputNames.Count} outputs; call Run with named inputs");
        var outputs = Run(new Dictionary<string, Tensor> { [InputNames[0]] = input });
        return outputs[OutputNames[0]];
    }

    /// <summary>Runs the graph on inputs fed by name; returns new tensors for <see cref="OutputNames"/>, owned by the caller.</summary>
    public IReadOnlyDictionary<string, Tensor> Run(IReadOnlyDictionary<string, Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var values = new Dictionary<string, Tensor>(_initializers, StringComparer.Ordinal);
        foreach (var name in InputNames)
            values[name] = inputs.TryGetValue(name, out var value) ? value : throw new ArgumentException($"missing graph input '{name}'", nameof(inputs));
        var produced = new List<Tensor>();
        try
        {
            foreach (var node in _nodes)
            {
                var arguments = node.Inputs.Select(n => n.Length == 0 ? null : values[n]).ToArray();
                var output = node.Kernel(arguments, training);
                produced.Add(output);
                values[node.Outputs[0]] = output;
                foreach (var name in _releaseAfter[node.Index])
                {
                    values[name].Dispose();
                    values.Remove(name);
                }
            }
            return OutputNames.ToDictionary(n => n, n => _producedByNodes.Contains(n) ? values[n] : values[n].alias(), StringComparer.Ordinal);
        }
        catch
        {
            foreach (var tensor in produced) tensor.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Switches the module to training (<paramref name="on"/> true) or evaluation mode; batch-norm layers stay in
    /// evaluation mode as <see cref="FrozenBatchNormInEvalMode"/> and <see cref="AllBatchNormInEvalMode"/> say.
    /// </summary>
    /// <param name="on">True for training mode, false for evaluation mode.</param>
    public override void train(bool on = true)
    {
        base.train(on);
        foreach (var (_, module) in _modules)
            if (AllBatchNormInEvalMode || (FrozenBatchNormInEvalMode && module.parameters().All(p => !p.requires_grad))) module.eval();
    }

    /// <summary>The current values of every trained initializer (parameters and batch-norm tensors) by ONNX name.</summary>
    internal IEnumerable<(string Name, Tensor Value)> TrainedTensors() =>
        _weights.Select(p => (p.Key, (Tensor)p.Value)).Concat(_bound.Select(b => (b.Key, b.Value)));

    /// <summary>The parameters <paramref name="node"/> uses: its weight initializers and its modules' parameters.</summary>
    public IEnumerable<Parameter> ParametersOf(ImportedNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var input in node.Inputs)
            if (_weights.TryGetValue(input, out var parameter)) yield return parameter;
        foreach (var (index, module) in _modules)
            if (index == node.Index)
                foreach (var parameter in module.parameters()) yield return parameter;
    }

    // For each node, the intermediate values whose last reader it is (or that nobody reads).
    private static string[][] ReleasePlan(ImportedNode[] nodes, IReadOnlyList<string> outputs)
    {
        var lastUse = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            foreach (var input in node.Inputs) if (lastUse.ContainsKey(input)) lastUse[input] = node.Index;
            lastUse[node.Outputs[0]] = node.Index;
        }
        foreach (var output in outputs) lastUse.Remove(output);
        var plan = nodes.Select(_ => new List<string>()).ToArray();
        foreach (var (name, index) in lastUse) plan[index].Add(name);
        return [.. plan.Select(p => p.ToArray())];
    }

    private static string UniqueName(HashSet<string> used, string onnxName)
    {
        var name = InvalidNameCharacters().Replace(onnxName, "_");
        if (name.Length == 0) name = "value";
        var candidate = name;
        for (int i = 1; !used.Add(candidate); i++) candidate = $"{name}_{i}";
        return candidate;
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex InvalidNameCharacters();
}
