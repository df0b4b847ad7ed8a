using Mentor.Backbones;
using Mentor.Models;

namespace Mentor.Studio.Training;

/// <summary>
/// The project's latest model, loaded for live predictions and swapped when training finishes. Owns the loaded
/// classifier; predictions and the swap take one lock, so a classifier is never disposed while it runs.
/// </summary>
public sealed class LiveModel : IDisposable
{
    private readonly Lock _lock = new();
    private ImageClassifier? _classifier;

    /// <summary>The loaded model's metadata, or null before the first training.</summary>
    public ModelMetadata? Metadata
    {
        get { lock (_lock) return _classifier?.Metadata; }
    }

    /// <summary>Loads <paramref name="path"/> (one thread: the page's other requests keep their core) and swaps it in.</summary>
    public void Load(string path)
    {
        var next = ImageClassifier.Load(path, BackboneOptions.Default with { Threads = 1 });
        ImageClassifier? old;
        lock (_lock)
        {
            old = _classifier;
            _classifier = next;
        }
        old?.Dispose();
    }

    /// <summary>The top <paramref name="top"/> labels for an encoded photo, or null when no model is loaded yet.</summary>
    /// <exception cref="Imaging.ImageDecodeException">The photo cannot be decoded.</exception>
    public IReadOnlyList<LabelScore>? Predict(byte[] photo, string name, int top)
    {
        lock (_lock)
        {
            if (_classifier is null) return null;
            return LabelScore.Top(_classifier.PredictProbabilities(photo, name), _classifier.Labels, Math.Min(top, _classifier.Labels.Count));
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _classifier?.Dispose();
            _classifier = null;
        }
    }
}
