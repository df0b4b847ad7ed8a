using Google.Protobuf;
using Onnx;
using static TorchSharp.torch;

namespace Mentor.Training.FineTuning;

/// <summary>
/// Writes an <see cref="ImportedModule"/> back to ONNX: the source graph (as cut on import) with the same nodes,
/// node names and operator set, and the module's current weights and batch-norm statistics as its initializers,
/// so a fine-tuned backbone is an ordinary ONNX backbone again.
/// </summary>
public static class OnnxModuleExporter
{
    /// <summary>A new ONNX model holding <paramref name="module"/>'s current weights.</summary>
    public static ModelProto Export(ImportedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var model = module.Source.Clone();
        var initializers = model.Graph.Initializer.ToDictionary(i => i.Name, StringComparer.Ordinal);
        using (no_grad())
        {
            foreach (var (name, value) in module.TrainedTensors())
                if (initializers.TryGetValue(name, out var proto)) TensorProtos.WriteFloats(value, proto);
        }
        return model;
    }

    /// <summary>The serialised ONNX model (see <see cref="Export"/>).</summary>
    public static byte[] ExportBytes(ImportedModule module) => Export(module).ToByteArray();

    /// <summary>Writes the ONNX model to <paramref name="path"/> atomically.</summary>
    public static void Save(ImportedModule module, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllBytes(path, ExportBytes(module));
    }
}
