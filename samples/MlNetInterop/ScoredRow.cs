using Microsoft.ML.Data;

namespace MlNetInterop;

/// <summary>ML.NET's output row: the Mentor model's two outputs.</summary>
public sealed class ScoredRow
{
    [ColumnName("probabilities")]
    public float[] Probabilities { get; set; } = [];

    [ColumnName("features")]
    public float[] Features { get; set; } = [];
}
