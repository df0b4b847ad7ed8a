namespace Mentor.Training.FineTuning;

/// <summary>
/// An ONNX graph cannot be imported into TorchSharp for fine-tuning: an operator or attribute the importer does not
/// support, a malformed graph, or an unknown output name. The message names the node and what to do.
/// </summary>
/// <param name="message">One line: what was wrong, where (file, node or folder), and the fix.</param>
public sealed class OnnxImportException(string message) : MentorException(message)
{
    internal static OnnxImportException Unsupported(Onnx.NodeProto node, string what) =>
        new($"ONNX node '{node.Name}' ({node.OpType}): {what} is not supported by the fine-tuning importer; " +
            "use a backbone without it, or cut the graph at an output before this node.");
}
