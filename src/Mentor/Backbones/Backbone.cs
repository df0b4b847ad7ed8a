using Microsoft.ML.OnnxRuntime;

namespace Mentor.Backbones;

/// <summary>
/// A loaded backbone: one ONNX Runtime session with a symbolic batch dimension, run on whole batches.
/// Owns the session; dispose it. <see cref="Run"/> is not thread-safe: use one caller at a time.
/// </summary>
public sealed class Backbone : IImageBatchModel, IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    private Backbone(BackboneSpec spec, string identity, InferenceSession session, PreprocessingSpec preprocessing)
    {
        Spec = spec;
        Identity = identity;
        _session = session;
        Preprocessing = preprocessing;
        _inputNames = [spec.InputName];
        _outputNames = [spec.OutputName];
    }

    public BackboneSpec Spec { get; }

    /// <summary>Name and SHA-256 of the model file: changes whenever the weights do.</summary>
    public string Identity { get; }

    /// <summary>The preprocessing in force (the spec's, with any resize override).</summary>
    public PreprocessingSpec Preprocessing { get; }

    public int FeatureSize => Spec.FeatureSize;

    int IImageBatchModel.OutputSize => FeatureSize;

    /// <summary>Loads the registered backbone <paramref name="name"/>.</summary>
    public static Backbone Load(string name, BackboneOptions? options = null) => Load(BackboneRegistry.Get(name), options);

    /// <summary>Loads <paramref name="spec"/>'s model, checking it has the expected input and output.</summary>
    public static Backbone Load(BackboneSpec spec, BackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= BackboneOptions.Default;
        if (!File.Exists(spec.ModelPath))
            throw new MentorException($"{spec.ModelPath}: backbone model file not found; rebuild or reinstall Mentor so that it is copied.");
        var sha256 = PreparedModels.HashFile(spec.ModelPath);
        var identity = $"{spec.Name}:sha256:{sha256}";
        var session = CreateSession(spec, sha256, options);
        var preprocessing = options.Resize is null ? spec.Preprocessing : spec.Preprocessing.WithResize(options.Resize);
        var backbone = new Backbone(spec, identity, session, preprocessing);
        backbone.CheckSignature();
        NativeHeap.Trim();
        return backbone;
    }

    /// <summary>
    /// Runs <paramref name="count"/> images laid out one after another in <paramref name="inputs"/>
    /// (each <see cref="PreprocessingSpec.TensorLength"/> floats) and writes their features to <paramref name="features"/>.
    /// </summary>
    public void Run(float[] inputs, int count, float[] features)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(features);
        var size = Preprocessing.InputSize;
        if (inputs.Length < count * Preprocessing.TensorLength || features.Length < count * FeatureSize)
            throw new ArgumentException($"buffers too small for a batch of {count}");
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
            inputs.AsMemory(0, count * Preprocessing.TensorLength), [count, 3, size, size]);
        using var output = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
            features.AsMemory(0, count * FeatureSize), [count, FeatureSize, 1, 1]);
        _session.Run(_runOptions, _inputNames, [input], _outputNames, [output]);
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
        NativeHeap.Trim();
    }

    // Loads the prepared (batch-ready) copy from the cache folder; remakes it once if it is damaged.
    private static InferenceSession CreateSession(BackboneSpec spec, string sha256, BackboneOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options);
        var cacheDirectory = options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory;
        for (var attempt = 0; ; attempt++)
        {
            var prepared = PreparedModels.GetOrCreate(spec.ModelPath, sha256, cacheDirectory);
            try
            {
                return prepared is null
                    ? new InferenceSession(PreparedModels.Prepare(spec.ModelPath), sessionOptions)
                    : new InferenceSession(prepared, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                if (prepared is not null && attempt == 0)
                {
                    PreparedModels.Discard(prepared);
                    continue;
                }
                throw new MentorException($"{spec.ModelPath}: ONNX Runtime cannot load this model ({FirstLine(e.Message)}); check the file.");
            }
        }
    }

    private static SessionOptions CreateSessionOptions(BackboneOptions options)
    {
        var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.Threads > 0 ? options.Threads : Environment.ProcessorCount,
            InterOpNumThreads = 1,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        return sessionOptions;
    }

    private void CheckSignature()
    {
        if (!_session.InputMetadata.ContainsKey(Spec.InputName) || !_session.OutputMetadata.ContainsKey(Spec.OutputName))
        {
            Dispose();
            throw new MentorException(
                $"{Spec.ModelPath}: expected input '{Spec.InputName}' and output '{Spec.OutputName}', found inputs [{string.Join(", ", _session.InputMetadata.Keys)}] and outputs [{string.Join(", ", _session.OutputMetadata.Keys)}]; the file is not the '{Spec.Name}' backbone.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
