using Mentor.Quantization;
using Microsoft.ML.OnnxRuntime;

namespace Mentor.Backbones;

/// <summary>
/// A loaded backbone: one ONNX Runtime session over its prepared model (batch symbolic, features [N, D]), run on whole
/// batches. The session is built on first use, so a run answered wholly from the feature cache never pays for it.
/// Owns the session; dispose it. <see cref="Run(float[], int, float[])"/> is not thread-safe: use one caller at a time.
/// </summary>
public sealed class Backbone : IImageBatchModel, IDisposable
{
    private readonly Lazy<InferenceSession> _session;

    private Backbone(BackboneModel model, Func<InferenceSession> createSession, PreprocessingSpec preprocessing)
    {
        Model = model;
        Preprocessing = preprocessing;
        _session = new Lazy<InferenceSession>(() =>
        {
            var session = createSession();
            NativeHeap.Trim();
            return session;
        });
    }

    /// <summary>The backbone as described.</summary>
    public BackboneSpec Spec => Model.Spec;

    /// <summary>The file run: the prepared copy of the spec's graph, or its int8 version.</summary>
    public BackboneModel Model { get; }

    /// <summary>Changes whenever the weights or the spec do (for int8, the quantised file's hash).</summary>
    public string Identity => Model.Identity;

    /// <summary>The preprocessing in force (the spec's, with any resize override).</summary>
    public PreprocessingSpec Preprocessing { get; }

    /// <summary>D: the length of the feature vector (read from the session, which this builds if it is not yet).</summary>
    public int FeatureSize => FeatureSizeOf(_session.Value, Model);

    int IImageBatchModel.OutputSize => FeatureSize;

    /// <summary>Loads the backbone <paramref name="backbone"/>: a built-in name, a spec file or an ONNX file (<see cref="BackboneResolver"/>).</summary>
    public static Backbone Load(string backbone, BackboneOptions? options = null) => Load(BackboneResolver.Spec(backbone, options?.CacheDirectory), options);

    /// <summary>Loads <paramref name="spec"/>'s model (prepared once and cached), or its int8 version with <see cref="BackboneOptions.Int8"/>.</summary>
    public static Backbone Load(BackboneSpec spec, BackboneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= BackboneOptions.Default;
        var preprocessing = options.Resize is null ? spec.Preprocessing : spec.Preprocessing.WithResize(options.Resize);
        var cacheDirectory = options.CacheDirectory ?? MentorPaths.DefaultCacheDirectory;
        if (!options.Int8) return new Backbone(PreparedModels.GetOrCreate(spec, cacheDirectory), () => CreateSession(spec, options, cacheDirectory), preprocessing);
        // The quantised copy becomes the model this backbone runs (and exports): its Identity is its own hash.
        var calibration = options.Calibration
            ?? throw new QuantizationException($"{spec.Name}: an int8 backbone needs calibration photos; pass a folder of your training photos.");
        var model = Int8Backbones.GetOrCreate(PreparedModels.GetOrCreate(spec, cacheDirectory), calibration, preprocessing, cacheDirectory);
        return new Backbone(model, () => CreateQuantizedSession(model, options), preprocessing);
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
        OnnxBatch.Run(_session.Value, PreparedGraph.InputName, inputs, Preprocessing.BatchShape(count), PreparedGraph.OutputName, features, [count, FeatureSize], cancellation);
    }

    /// <summary>Releases the ONNX Runtime session and gives its freed native memory back to the OS; the backbone cannot run afterwards.</summary>
    public void Dispose()
    {
        if (!_session.IsValueCreated) return;
        _session.Value.Dispose();
        NativeHeap.Trim();
    }

    // Loads the prepared copy from the cache folder; remakes it once if it is damaged.
    private static InferenceSession CreateSession(BackboneSpec spec, BackboneOptions options, string cacheDirectory)
    {
        using var sessionOptions = CreateSessionOptions(options);
        for (var attempt = 0; ; attempt++)
        {
            var model = PreparedModels.GetOrCreate(spec, cacheDirectory);
            try
            {
                return new InferenceSession(model.Path, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                PreparedModels.Discard(model.Path);
                if (attempt == 0) continue;
                throw new MentorException($"{spec.ModelPath}: ONNX Runtime cannot load this model ({FirstLine(e.Message)}); check the file.");
            }
        }
    }

    // A damaged cached int8 model is removed so that the next load quantises again.
    private static InferenceSession CreateQuantizedSession(BackboneModel model, BackboneOptions options)
    {
        using var sessionOptions = CreateSessionOptions(options);
        try
        {
            return new InferenceSession(model.Path, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            QuantizedModels.Discard(model.Path);
            throw new MentorException($"{model.Path}: ONNX Runtime cannot load the cached int8 model ({FirstLine(e.Message)}); it was removed, run again to quantise anew.");
        }
    }

    internal static SessionOptions CreateSessionOptions(BackboneOptions options) => OnnxSessionOptions.Create(options.Threads, options.AllowSpinning);

    private static int FeatureSizeOf(InferenceSession session, BackboneModel model)
    {
        if (session.OutputMetadata.TryGetValue(PreparedGraph.OutputName, out var output) && output.Dimensions is [_, > 0 and var size])
            return size;
        throw new MentorException($"{model.Path}: not a prepared backbone (no [N,D] output '{PreparedGraph.OutputName}'); delete it from the cache and run again.");
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
