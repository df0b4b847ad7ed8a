using Mentor.Backbones;
using Mentor.Batching;

namespace Mentor.AspNetCore;

/// <summary>How <see cref="MentorServiceCollectionExtensions.AddMentorClassifier"/> loads, batches and reloads the model.</summary>
public sealed class MentorClassifierOptions
{
    /// <summary>Batch size, batch window, decode concurrency and queue limit.</summary>
    public BatchingOptions Batching { get; set; } = new();

    /// <summary>ONNX Runtime threads and spinning for the model's session.</summary>
    public BackboneOptions Session { get; set; } = BackboneOptions.Default;

    /// <summary>Reload the model when its file is replaced (default true).</summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>How long the file must stay quiet after a change before it is reloaded.</summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);
}
