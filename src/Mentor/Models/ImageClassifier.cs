using Mentor.Backbones;
using Mentor.Features;
using Mentor.Imaging;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Models;

/// <summary>
/// A trained Mentor model loaded for prediction: one ONNX Runtime session over the whole file (backbone, head,
/// softmax). Owns the session; dispose it. <see cref="Run(float[], int, float[])"/> is not thread-safe; the predict methods lock.
/// </summary>
public sealed class ImageClassifier : IImageBatchModel, IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly object _gate = new();

    private ImageClassifier(string path, ModelMetadata metadata, InferenceSession session)
    {
        Path = path;
        Metadata = metadata;
        _session = session;
        _inputNames = [metadata.Input.Name];
        _outputNames = [metadata.Input.ProbabilitiesOutput];
        Preprocessing = MentorModelBackbone.Preprocessing(metadata);
    }

    /// <summary>The model file's absolute path.</summary>
    public string Path { get; }

    /// <summary>What the file says about itself: labels, backbone, head kind, input, training options and metrics.</summary>
    public ModelMetadata Metadata { get; }

    /// <summary>Class names, in the order of the probabilities every predict and run method returns.</summary>
    public IReadOnlyList<string> Labels => Metadata.Labels;

    /// <summary>RGB 0..255 at the model's input size, resized per its metadata: the graph does the rest.</summary>
    public PreprocessingSpec Preprocessing { get; }

    /// <summary>Names the file by the SHA-256 of its graph: changes whenever the model does; part of feature cache keys.</summary>
    public string Identity => BackboneIdentity.ModelFile(Metadata.GraphSha256);

    /// <summary>Probabilities per image: the number of <see cref="Labels"/>.</summary>
    public int OutputSize => Labels.Count;

    /// <summary>Loads and checks a model file; <see cref="ModelFileException"/> names any problem.</summary>
    /// <param name="path">A model file written by Mentor (<c>mentor train</c> or <c>TrainedClassifier.Save</c>).</param>
    /// <param name="options">Only <see cref="BackboneOptions.Threads"/> and <see cref="BackboneOptions.AllowSpinning"/> apply; null: their defaults.</param>
    /// <exception cref="ModelFileException">The file is missing, not a Mentor model, of a newer format, damaged, or not loadable by ONNX Runtime.</exception>
    public static ImageClassifier Load(string path, BackboneOptions? options = null)
    {
        var (bytes, metadata) = ModelFile.Read(path);
        options ??= BackboneOptions.Default;
        using var sessionOptions = OnnxSessionOptions.Create(options.Threads, options.AllowSpinning);
        InferenceSession session;
        try
        {
            session = new InferenceSession(bytes, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelFileException(path, $"ONNX Runtime cannot load it ({e.Message.Split('\n')[0].Trim()}); train the model again.");
        }
        NativeHeap.Trim();
        return new ImageClassifier(System.IO.Path.GetFullPath(path), metadata, session);
    }

    /// <summary>
    /// Runs <paramref name="count"/> prepared images laid out one after another in <paramref name="inputs"/> (each
    /// <see cref="PreprocessingSpec.TensorLength"/> floats, as <see cref="Preprocessing"/> makes them) and writes
    /// <see cref="OutputSize"/> probabilities per image to <paramref name="outputs"/>. Not thread-safe: one caller at a time.
    /// </summary>
    public void Run(float[] inputs, int count, float[] outputs) => Run(inputs, count, outputs, CancellationToken.None);

    /// <inheritdoc cref="Run(float[], int, float[])"/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; the run was stopped part-way.</exception>
    public void Run(float[] inputs, int count, float[] outputs, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        OnnxBatch.Run(_session, _inputNames[0], inputs, Preprocessing.BatchShape(count), _outputNames[0], outputs, [count, OutputSize], cancellation);
    }

    /// <summary>Class probabilities for one encoded image (thread-safe).</summary>
    /// <param name="encoded">The image file's bytes (JPEG, PNG, BMP, GIF, WebP).</param>
    /// <param name="name">Names the image in error messages, usually its path.</param>
    /// <returns>One probability per label, in <see cref="Labels"/> order, summing to 1.</returns>
    /// <exception cref="ImageDecodeException">The bytes are not a usable image.</exception>
    public float[] PredictProbabilities(byte[] encoded, string name)
    {
        var tensor = new float[Preprocessing.TensorLength];
        ImagePreparer.Prepare(encoded, name, Preprocessing, tensor);
        var probabilities = new float[OutputSize];
        lock (_gate) Run(tensor, 1, probabilities);
        return probabilities;
    }

    /// <summary>The <paramref name="top"/> most probable labels for the image file at <paramref name="path"/> (thread-safe).</summary>
    /// <param name="path">An image file (JPEG, PNG, BMP, GIF, WebP).</param>
    /// <param name="top">How many labels to return, best first: at least 1, and all of them when the model has fewer.</param>
    /// <exception cref="ImageDecodeException">The file is missing, unreadable or not a usable image.</exception>
    public IReadOnlyList<LabelScore> Predict(string path, int top = 5) =>
        LabelScore.Top(PredictProbabilities(ImageFile.Read(path), path), Labels, top);

    /// <summary>Releases the ONNX Runtime session; the classifier cannot predict afterwards.</summary>
    public void Dispose() => _session.Dispose();
}
