using Mentor.Batching;
using Mentor.Models;

namespace Mentor.AspNetCore;

/// <summary>
/// One loaded version of the model file: its classifier and the batch loop over it. Callers acquire it for the length of
/// a prediction; once retired (a newer file is loaded) it is disposed when the last caller releases it, so no call is cut.
/// Owns both the predictor and the classifier.
/// </summary>
internal sealed class ModelGeneration(ImageClassifier classifier, BatchingOptions batching)
{
    private readonly object _gate = new();
    private int _users;
    private bool _retired;
    private bool _disposed;

    public ImageClassifier Classifier { get; } = classifier;

    public BatchedImagePredictor Predictor { get; } = new(classifier, batching);

    public DateTimeOffset Loaded { get; } = DateTimeOffset.UtcNow;

    /// <summary>False once retired: the caller takes the newer generation instead.</summary>
    public bool TryAcquire()
    {
        lock (_gate)
        {
            if (_retired) return false;
            _users++;
            return true;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _users--;
            if (!_retired || _users > 0) return;
        }
        Dispose();
    }

    /// <summary>No new callers; disposed now if idle, otherwise by the last <see cref="Release"/>.</summary>
    public void Retire()
    {
        lock (_gate)
        {
            _retired = true;
            if (_users > 0) return;
        }
        Dispose();
    }

    private void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }
        Predictor.Dispose(); // finishes queued images first
        Classifier.Dispose();
    }
}
