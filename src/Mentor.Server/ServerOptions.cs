using Mentor.Batching;

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

    /// <summary>Batch size, batch window, decode concurrency and queue limit (a full queue answers 503).</summary>
    public BatchingOptions Batching { get; init; } = new();

    /// <summary>Files accepted in one multipart request.</summary>
    public int MaxFilesPerRequest { get; init; } = 32;

    /// <summary>How long shutdown waits for in-flight requests.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Write request logs as JSON lines instead of plain text.</summary>
    public bool JsonLogs { get; init; }

    /// <summary>The upload limits these options set.</summary>
    internal Http.UploadLimits Uploads => new(MaxRequestBodyBytes, MaxFilesPerRequest);
}
