namespace Mentor.Server;

/// <summary>How <see cref="PredictionServer"/> listens, batches and limits requests. Defaults suit two to eight cores.</summary>
public sealed record ServerOptions
{
    /// <summary>The default address: loopback only, so that exposing the server is a deliberate choice.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Semicolon-separated URLs Kestrel listens on (port 0 picks a free port).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest request body accepted; larger ones get 413 before they are read in full (default 20 MB).</summary>
    public long MaxRequestBodyBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>Most images run through the model in one call.</summary>
    public int MaxBatchSize { get; init; } = 16;

    /// <summary>How long the batch loop waits for more images once it holds one.</summary>
    public TimeSpan BatchWindow { get; init; } = TimeSpan.FromMilliseconds(4);

    /// <summary>Images decoded at once on request threads (0: one per core).</summary>
    public int DecodeConcurrency { get; init; }

    /// <summary>Images waiting for the model before new ones are refused with 503.</summary>
    public int MaxQueuedImages { get; init; } = 1024;

    /// <summary>Files accepted in one multipart request.</summary>
    public int MaxFilesPerRequest { get; init; } = 32;

    /// <summary>How long shutdown waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Write request logs as JSON lines instead of plain text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The upload limits these options set.</summary>
    internal Http.UploadLimits Uploads => new(MaxRequestBodyBytes, MaxFilesPerRequest);

    /// <summary>The effective decode concurrency.</summary>
    internal int DecodeSlots => DecodeConcurrency > 0 ? DecodeConcurrency : Environment.ProcessorCount;
}
