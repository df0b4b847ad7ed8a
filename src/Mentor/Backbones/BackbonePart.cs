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

    public string Identity { get; }

    public PreprocessingSpec Preprocessing { get; }

    /// <summary>The value's shape for one image, e.g. [256, 14, 14].</summary>
    public IReadOnlyList<int> OutputShape { get; }

    public int OutputSize => OutputShape.Aggregate(1, (a, b) => a * b);

    /// <summary>
    /// Loads <paramref name="spec"/>'s fp32 model cut at <paramref name="output"/> (an inner value's name), with
    /// <paramref name="options"/>' threads and resize rule.
    /// </summary>
    /// <exception cref="MentorException">The model is missing, or has no value of that name.</exception>
    public static BackbonePart Load(BackboneSpec spec, string output, BackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(output);
        options ??= BackboneOptions.Default;
        var preprocessing = options.Resize is null ? spec.Preprocessing : spec.Preprocessing.WithResize(options.Resize);
        if (output == spec.InputName)
            return new BackbonePart(null, spec.InputName, output, $"{spec.Name}:input", preprocessing, [3, preprocessing.InputSize, preprocessing.InputSize]);
        if (!File.Exists(spec.ModelPath))
            throw new MentorException($"{spec.ModelPath}: backbone model file not found; rebuild or reinstall Mentor so that it is copied.");
        var model = ModelProto.Parser.ParseFrom(SymbolicBatch.Apply(File.ReadAllBytes(spec.ModelPath), spec.ModelPath));
        if (!model.Graph.Node.Any(n => n.Output.Contains(output)))
            throw new MentorException($"{spec.ModelPath}: the '{spec.Name}' backbone has no value named '{output}' to stop at.");
        // ONNX Runtime drops the nodes no output needs, so naming the inner value as the only output is the cut.
        model.Graph.Output.Clear();
        model.Graph.Output.Add(new ValueInfoProto
        {
            Name = output,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
        });
        using var sessionOptions = Backbone.CreateSessionOptions(options);
        var session = new InferenceSession(model.ToByteArray(), sessionOptions);
        try
        {
            var shape = ProbeShape(session, spec.InputName, output, preprocessing.InputSize);
            var identity = $"{spec.Name}:sha256:{PreparedModels.HashFile(spec.ModelPath)}:until:{output}";
            NativeHeap.Trim();
            return new BackbonePart(session, spec.InputName, output, identity, preprocessing, shape);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public void Run(float[] inputs, int count, float[] outputs) => Run(inputs, count, outputs, CancellationToken.None);

    public void Run(float[] inputs, int count, float[] outputs, CancellationToken cancellation)
    {
        if (_session is null)
        {
            Array.Copy(inputs, outputs, count * OutputSize);
            return;
        }
        var size = Preprocessing.InputSize;
        OnnxBatch.Run(_session, _input, inputs, [count, 3, size, size], OutputName, outputs, [count, .. OutputShape.Select(d => (long)d)], cancellation);
    }

    public void Dispose()
    {
        _session?.Dispose();
        NativeHeap.Trim();
    }

    // The value's shape is only known once the graph has run: run one blank image.
    internal static int[] ProbeShape(InferenceSession session, string input, string output, int size)
    {
        using var blank = OrtValue.CreateTensorValueFromMemory(new float[3 * size * size], [1, 3, size, size]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, [input], [blank], [output]);
        return [.. results[0].GetTensorTypeAndShape().Shape.Skip(1).Select(d => (int)d)];
    }
}
