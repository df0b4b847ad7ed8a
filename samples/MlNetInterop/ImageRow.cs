using Microsoft.ML.Data;

namespace MlNetInterop;

/// <summary>ML.NET's input row: one prepared image (its shape is set from the model file, see <see cref="MentorOnnxModel"/>).</summary>
public sealed class ImageRow
{
    [ColumnName("image")]
    public float[] Image { get; set; } = [];
}
