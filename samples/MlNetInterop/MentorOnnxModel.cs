using Mentor.Features;
using Mentor.Imaging;
using Mentor.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MlNetInterop;

/// <summary>
/// A Mentor model file as an ML.NET transformer: <c>ApplyOnnxModel</c> maps the column <c>image</c> (RGB 0..255 at the
/// model's input size, prepared by Mentor's <see cref="ImagePreparer"/>) to <c>probabilities</c> and <c>features</c>.
/// The labels, in output order, are the ones Mentor reads from the file's metadata.
/// </summary>
public sealed class MentorOnnxModel : IDisposable
{
    private readonly ImageClassifier _mentor;
    private readonly MLContext _ml;
    private readonly SchemaDefinition _inputSchema;
    private readonly ITransformer _transformer;

    public MentorOnnxModel(string modelPath, MLContext? ml = null)
    {
        _mentor = ImageClassifier.Load(modelPath); // reads the labels and the input rule, and checks the file
        _ml = ml ?? new MLContext(seed: 0);
        var size = _mentor.Preprocessing.InputSize;
        _inputSchema = SchemaDefinition.Create(typeof(ImageRow));
        _inputSchema[_mentor.Metadata.Input.Name].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 1, 3, size, size);
        var pipeline = _ml.Transforms.ApplyOnnxModel(
            outputColumnNames: [_mentor.Metadata.Input.ProbabilitiesOutput, "features"],
            inputColumnNames: [_mentor.Metadata.Input.Name],
            modelFile: modelPath);
        _transformer = pipeline.Fit(_ml.Data.LoadFromEnumerable(Array.Empty<ImageRow>(), _inputSchema));
    }

    /// <summary>The class names, in the order of the <c>probabilities</c> column.</summary>
    public IReadOnlyList<string> Labels => _mentor.Labels;

    /// <summary>One row per image file, as ML.NET's input.</summary>
    public IDataView Load(IEnumerable<string> imagePaths) =>
        _ml.Data.LoadFromEnumerable(imagePaths.Select(Prepare).ToList(), _inputSchema);

    /// <summary>Runs the model over <paramref name="images"/>: the columns <c>probabilities</c> and <c>features</c> are added.</summary>
    public IDataView Transform(IDataView images) => _transformer.Transform(images);

    /// <summary>The best label per image, through ML.NET.</summary>
    public IReadOnlyList<string> PredictTop1(IEnumerable<string> imagePaths) =>
        _ml.Data.CreateEnumerable<ScoredRow>(Transform(Load(imagePaths)), reuseRowObject: false)
            .Select(row => Labels[Array.IndexOf(row.Probabilities, row.Probabilities.Max())])
            .ToList();

    private ImageRow Prepare(string path)
    {
        var tensor = new float[_mentor.Preprocessing.TensorLength];
        ImagePreparer.Prepare(ImageFile.Read(path), path, _mentor.Preprocessing, tensor);
        return new ImageRow { Image = tensor };
    }

    public void Dispose() => _mentor.Dispose();
}
