using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mentor.AspNetCore;

/// <summary>
/// Healthy while the model's batch loop runs; degraded when a replaced file could not be loaded (the previous model
/// still answers); unhealthy when the batch loop has stopped. Registered as "mentor" by
/// <see cref="MentorServiceCollectionExtensions.AddMentorClassifier"/>: map it with <c>app.MapHealthChecks("/health")</c>.
/// </summary>
/// <param name="classifier">The registered classifier.</param>
public sealed class MentorClassifierHealthCheck(BatchedClassifier classifier) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var statistics = classifier.Statistics;
        var data = new Dictionary<string, object>
        {
            ["model"] = classifier.Path,
            ["labels"] = classifier.Labels.Count,
            ["loaded"] = classifier.Loaded,
            ["reloads"] = classifier.Reloads,
            ["images"] = statistics.Images,
            ["batches"] = statistics.Batches,
            ["queued"] = statistics.Queued,
        };
        var result = !statistics.Running
            ? HealthCheckResult.Unhealthy("the model's batch loop has stopped", data: data)
            : classifier.ReloadError is { } error
                ? HealthCheckResult.Degraded($"the replaced model file cannot be loaded, the previous one still answers: {error}", data: data)
                : HealthCheckResult.Healthy($"{Path.GetFileName(classifier.Path)}: {classifier.Labels.Count} labels", data);
        return Task.FromResult(result);
    }
}
