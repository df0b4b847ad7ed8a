namespace Mentor.Server.Batching;

/// <summary>The batch queue is full or shutting down: the request should be retried later (503).</summary>
public sealed class ServerBusyException(string message) : MentorException(message);
