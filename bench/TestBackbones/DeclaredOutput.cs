namespace Mentor.TestBackbones;

/// <summary>A graph output of a test backbone and its shape; <see cref="SymbolicBatch"/> (-1) marks a batch dimension of any size.</summary>
public sealed record DeclaredOutput(string Name, IReadOnlyList<long> Shape)
{
    public const long SymbolicBatch = -1;

    /// <summary>The shape a run with <paramref name="batch"/> images gives.</summary>
    public long[] ShapeFor(int batch) => Shape.Select(d => d == SymbolicBatch ? batch : d).ToArray();
}
