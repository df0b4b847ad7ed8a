using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Mentor.Backbones;

/// <summary>
/// The first stages of a backbone, up to an inner value (say the input of its last stage), as one ONNX Runtime
/// session: fine-tuning runs the frozen stages here once per image instead of through libtorch every epoch.
/// Output per image: that value, flattened (<see cref="OutputShape"/>). Cut at the backbone's input, it is the
/// preprocessed image itself (for training every stage). Owns the session; dispose it. Not thread-safe.
/// </summary>
public sealed class BackbonePart : IImageBatchModel, IDisposable
{
    private readonly InferenceSession? _session;
    private readonly string _input;

    private BackbonePart(InferenceSession? session, string input, string output, string identity, PreprocessingSpec preprocessing, int[] outputShape)
    {
        _session = session;
        _input = input;
        OutputName = output;
        Identity = identity;
        Preprocessing = preprocessing;
        OutputShape = outputShape;
    }

    /// <summary>The inner value computed.</summary>
    public string OutputName { get; }

    /// <summary>The backbone's identity followed by the cut point: changes whenever the weights or the cut do; part of cache keys.</summary>
    public string Identity { get; }

    /// <summary>How images become this part's input: the backbone's preprocessing, with any resize override from the options.</summary>
    public PreprocessingSpec Preprocessing { get; }

    /// <summary>The value's shape for one image, e.g. [C, H, W] for a stage's map.</summary>
    public IReadOnlyList<int> OutputShape { get; }

    /// <summary>Floats per image in the output: the product of <see cref="OutputShape"/>.</summary>
    public int OutputSize => OutputShape.Aggregate(1, (a, b) => a * b);

    /// <summary>
    /// Loads <paramref name="model"/> (a prepared backbone) cut at <paramref name="output"/> (an inner value's name), with
    /// <paramref name="options"/>' threads and resize rule.
    /// </summary>
    /// <exception cref="MentorException">The model is missing, or has no value of that name.</exception>
    public static BackbonePart Load(BackboneModel model, string output, BackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        options ??= BackboneOptions.Default;
        var spec = model.Spec;
        var preprocessing = options.Resize is null ? spec.Preprocessing : spec.Preprocessing.WithResize(options.Resize);
        if (output == PreparedGraph.InputName)
            return new BackbonePart(null, output, output, BackboneIdentity.Until(model.Identity, output), preprocessing, [.. preprocessing.TensorShape.Select(d => (int)d)]);
        var graph = PreparedGraph.Parse(model.Path);
        if (!graph.Graph.Node.Any(n => n.Output.Contains(output)))
            throw new MentorException($"{spec.ModelPath}: the '{spec.Name}' backbone has no value named '{output}' to stop at.");
        // ONNX Runtime drops the nodes no output needs, so naming the inner value as the only output is the cut.
        graph.Graph.Output.Clear();
        graph.Graph.Output.Add(new ValueInfoProto
        {
            Name = output,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        });
        using var sessionOptions = Backbone.CreateSessionOptions(options);
        var session = new InferenceSession(graph.ToByteArray(), sessionOptions);
        try
        {
            var shape = ProbeShape(session, output, preprocessing);
            NativeHeap.Trim();
            return new BackbonePart(session, PreparedGraph.InputName, output, BackboneIdentity.Until(model.Identity, output), preprocessing, shape);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> preprocessed images laid out one after another in <paramref name="inputs"/> (each
    /// <see cref="PreprocessingSpec.TensorLength"/> floats) and writes <see cref="OutputSize"/> floats per image to <paramref name="outputs"/>.
    /// </summary>
    public void Run(float[] inputs, int count, float[] outputs) => Run(inputs, count, outputs, CancellationToken.None);

    /// <inheritdoc cref="Run(float[], int, float[])"/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; the run was stopped part-way.</exception>
    public void Run(float[] inputs, int count, float[] outputs, CancellationToken cancellation)
    {
        if (_session is null)
        {
            Array.Copy(inputs, outputs, count * OutputSize);
            return;
        }
        OnnxBatch.Run(_session, _input, inputs, Preprocessing.BatchShape(count), OutputName, outputs, [count, .. OutputShape.Select(d => (long)d)], cancellation);
    }

    /// <summary>Releases the ONNX Runtime session (if the part has one) and gives its freed native memory back to the OS.</summary>
    public void Dispose()
    {
        _session?.Dispose();
        NativeHeap.Trim();
    }

    // The value's shape is only known once the graph has run: run one blank image.
    private static int[] ProbeShape(InferenceSession session, string output, PreprocessingSpec preprocessing)
    {
        using var blank = OrtValue.CreateTensorValueFromMemory(new float[preprocessing.TensorLength], preprocessing.BatchShape(1));
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [PreparedGraph.InputName], [blank], [output]);
        return [.. results[0].GetTensorTypeAndShape().Shape.Skip(1).Select(d => (int)d)];
    }
}
