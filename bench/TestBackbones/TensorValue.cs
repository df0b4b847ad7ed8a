using Onnx;

namespace Mentor.TestBackbones;

/// <summary>Float tensor descriptions for graph inputs and outputs.</summary>
internal static class TensorValue
{
    /// <summary>A float tensor named <paramref name="name"/>; a dimension equal to <see cref="DeclaredOutput.SymbolicBatch"/>
    /// becomes the symbolic dimension <paramref name="batchName"/>.</summary>
    public static ValueInfoProto Create(string name, IEnumerable<long> dims, string batchName)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
            shape.Dim.Add(d == DeclaredOutput.SymbolicBatch
                ? new TensorShapeProto.Types.Dimension { DimParam = batchName }
                : new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    public static ValueInfoProto Create(DeclaredOutput output, string batchName) => Create(output.Name, output.Shape, batchName);

    /// <summary>The fixed dimensions of a graph input or output (a symbolic one reads as <see cref="DeclaredOutput.SymbolicBatch"/>).</summary>
    public static long[] Dims(ValueInfoProto value) =>
        value.Type.TensorType.Shape.Dim.Select(d => d.ValueCase == TensorShapeProto.Types.Dimension.ValueOneofCase.DimValue ? d.DimValue : DeclaredOutput.SymbolicBatch).ToArray();
}
