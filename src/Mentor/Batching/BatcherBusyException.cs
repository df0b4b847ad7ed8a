namespace Mentor.Batching;

/// <summary>The batch queue is full or shutting down: the image should be submitted again later (HTTP 503).</summary>
/// <param name="message">One line saying how many images are waiting and what to do.</param>
public sealed class BatcherBusyException(string message) : MentorException(message);
