using Onnx;

namespace Mentor.Training.FineTuning;

/// <summary>Turns ONNX nodes of one operator family into kernels; one small converter per family.</summary>
internal interface IOperatorConverter
{
    /// <summary>The ONNX operator types (default domain) this converter handles.</summary>
    IReadOnlyList<string> OperatorTypes { get; }

    /// <summary>Reads <paramref name="node"/>'s attributes once and returns the kernel that runs it.</summary>
    /// <exception cref="OnnxImportException">An attribute or input form that is not supported.</exception>
    NodeKernel Convert(NodeProto node, ImportContext context);
}
