using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>
/// What converters see while a graph is imported: the opset, the initializers, and places to declare
/// constants (kept as buffers, never trained), tensors owned by a node's module (batch-norm statistics) and modules.
/// </summary>
internal sealed class ImportContext(long opset, IReadOnlyDictionary<string, TensorProto> initializers)
{
    private readonly HashSet<string> _constants = [];
    private readonly Dictionary<string, Tensor> _bound = [];
    private readonly List<(int Node, nn.Module Module)> _modules = [];
    private readonly List<Tensor> _ownedConstants = [];

    /// <summary>The default-domain operator set version of the graph.</summary>
    public long Opset { get; } = opset;

    /// <summary>The precision every convolution kernel of the module computes in (switched on the module, see <see cref="ImportedModule.ConvolutionsInBFloat16"/>).</summary>
    public ConvolutionPrecision Precision { get; } = new();

    /// <summary>The index of the node being converted.</summary>
    public int NodeIndex { get; set; }

    public IReadOnlySet<string> Constants => _constants;
    public IReadOnlyDictionary<string, Tensor> Bound => _bound;
    public IReadOnlyList<(int Node, nn.Module Module)> Modules => _modules;

    /// <summary>Tensors created by Constant nodes; the imported module registers and owns them.</summary>
    public IReadOnlyList<Tensor> OwnedConstants => _ownedConstants;

    public TensorProto? Initializer(string? name) =>
        name is not null && initializers.TryGetValue(name, out var proto) ? proto : null;

    /// <summary>Integer values of an initializer input, marked constant; null if absent or computed at run time.</summary>
    public long[]? ConstantInts(string? name)
    {
        if (Initializer(name) is not { } proto) return null;
        _constants.Add(proto.Name);
        using var tensor = TensorProtos.ToTensor(proto);
        return TensorProtos.ToLongs(tensor);
    }

    /// <summary>A single-value initializer input as a double, marked constant; null if absent or computed at run time.</summary>
    public double? ConstantScalar(string? name)
    {
        if (Initializer(name) is not { } proto) return null;
        _constants.Add(proto.Name);
        using var tensor = TensorProtos.ToTensor(proto);
        if (tensor.numel() != 1) return null;
        using var value = tensor.to_type(ScalarType.Float64);
        return value.item<double>();
    }

    /// <summary>Declares that initializer <paramref name="name"/> is <paramref name="tensor"/>, owned by a module of this node.</summary>
    public void Bind(string name, Tensor tensor) => _bound[name] = tensor;

    /// <summary>Adds a module that belongs to the current node (its parameters freeze and unfreeze with the node).</summary>
    public void AddModule(nn.Module module) => _modules.Add((NodeIndex, module));

    /// <summary>Keeps a tensor made by the node (e.g. a Constant's value) alive as a buffer of the imported module.</summary>
    public Tensor Own(Tensor tensor)
    {
        _ownedConstants.Add(tensor);
        return tensor;
    }
}
