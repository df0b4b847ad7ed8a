namespace Mentor.Studio;

/// <summary>How <see cref="StudioServer"/> listens, limits uploads and trains. Defaults suit a laptop.</summary>
public sealed record StudioOptions
{
    /// <summary>The default address: loopback only, so that exposing the studio is a deliberate choice.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5090";

    /// <summary>Semicolon-separated URLs Kestrel listens on (port 0 picks a free port).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest request body accepted (one upload request); larger ones get 413 before they are read in full.</summary>
    public long MaxRequestBodyBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Photos accepted in one multipart upload.</summary>
    public int MaxFilesPerRequest { get; init; } = 32;

    /// <summary>Share of each class held out to measure the model (seeded, stratified).</summary>
    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>Seeds the held-out split and the head's search: same photos, same model.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Feature cache folder; null: $MENTOR_CACHE, else the user's cache folder.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Compute photos' features in the background as they arrive, so that training finds them cached.</summary>
    public bool BackgroundFeatures { get; init; } = true;

    /// <summary>How a run the page asks to fine-tune does it (the command line's defaults).</summary>
    public Mentor.Training.Tuning.FineTuneOptions FineTune { get; init; } = new();

    /// <summary>How long shutdown waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Write request logs as JSON lines instead of plain text.</summary>
    public bool JsonLogs { get; init; }
}
