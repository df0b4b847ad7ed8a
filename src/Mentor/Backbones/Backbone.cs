using Mentor.Quantization;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Backbones;

/// <summary>
/// A loaded backbone: one ONNX Runtime session with a symbolic batch dimension, run on whole batches.
/// Owns the session; dispose it. <see cref="Run(float[], int, float[])"/> is not thread-safe: use one caller at a time.
/// </summary>
public sealed class Backbone : IImageBatchModel, IDisposable
{
    private readonly InferenceSession _session;

    private Backbone(BackboneSpec spec, string identity, InferenceSession session, PreprocessingSpec preprocessing)
    {
        Spec = spec;
        Identity = identity;
        _session = session;
        Preprocessing = preprocessing;
    }

    public BackboneSpec Spec { get; }

    /// <summary>Name and SHA-256 of the model file (for int8, <c>name:int8:sha256:</c> of the quantised file): changes whenever the weights do.</summary>
    public string Identity { get; }

    /// <summary>The preprocessing in force (the spec's, with any resize override).</summary>
    public PreprocessingSpec Preprocessing { get; }

    public int FeatureSize => Spec.FeatureSize;

    int IImageBatchModel.OutputSize => FeatureSize;

    /// <summary>Loads the registered backbone <paramref name="name"/>.</summary>
    public static Backbone Load(string name, BackboneOptions? options = null) => Load(BackboneRegistry.Get(name, options?.CacheDirectory), options);

    /// <summary>Loads <paramref name="spec"/>'s model, checking it has the expected input and output.</summary>
    public static Backbone Load(BackboneSpec spec, BackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= BackboneOptions.Default;
        if (!File.Exists(spec.ModelPath))
            throw new MentorException($"{spec.ModelPath}: backbone model file not found; rebuild or reinstall Mentor so that it is copied.");
        var sha256 = PreparedModels.HashFile(spec.ModelPath);
        var preprocessing = options.Resize is null ? spec.Preprocessing : spec.Preprocessing.WithResize(options.Resize);
        string identity;
        InferenceSession session;
        if (options.Int8)
        {
            // The quantised copy becomes the model this backbone runs (and exports): its Identity is its own hash.
            var calibration = options.Calibration
                ?? throw new QuantizationException($"{spec.Name}: an int8 backbone needs calibration photos; pass a folder of your training photos.");
            (spec, identity) = Int8Backbones.GetOrCreate(spec, calibration, preprocessing, options.CacheDirectory);
            session = CreateQuantizedSession(spec, options);
        }
        else
        {
            identity = $"{spec.Name}:sha256:{sha256}";
            session = CreateSession(spec, sha256, options);
        }
        var backbone = new Backbone(spec, identity, session, preprocessing);
        backbone.CheckSignature();
        NativeHeap.Trim();
        return backbone;
    }

    /// <summary>
    /// Runs <paramref name="count"/> images laid out one after another in <paramref name="inputs"/>
    /// (each <see cref="PreprocessingSpec.TensorLength"/> floats) and writes their features to <paramref name="features"/>.
    /// </summary>
    public void Run(float[] inputs, int count, float[] features) => Run(inputs, count, features, CancellationToken.None);

    /// <inheritdoc cref="Run(float[], int, float[])"/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired; the run was stopped part-way.</exception>
    public void Run(float[] inputs, int count, float[] features, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(features);
        var size = Preprocessing.InputSize;
        OnnxBatch.Run(_session, Spec.InputName, inputs, [count, 3, size, size], Spec.OutputName, features, [count, FeatureSize, 1, 1], cancellation);
    }

    public void Dispose()
    {
        _session.Dispose();
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

    // A damaged cached int8 model is removed so that the next load quantises again.
    private static InferenceSession CreateQuantizedSession(BackboneSpec spec, BackboneOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options);
        try
        {
            return new InferenceSession(spec.ModelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            QuantizedModels.Discard(spec.ModelPath);
            throw new MentorException($"{spec.ModelPath}: ONNX Runtime cannot load the cached int8 model ({FirstLine(e.Message)}); it was removed, run again to quantise anew.");
        }
    }

    internal static SessionOptions CreateSessionOptions(BackboneOptions options)
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
