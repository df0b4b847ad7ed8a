using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mentor.AspNetCore;

/// <summary>Registers a Mentor model for ASP.NET Core endpoints, in the spirit of ML.NET's <c>PredictionEnginePool</c>.</summary>
public static class MentorServiceCollectionExtensions
{
    /// <summary>
    /// Registers a <see cref="BatchedClassifier"/> singleton over the model file (a relative path is taken from the
    /// app's content root), loaded when the app starts (a bad file stops the start with one line naming it), and the
    /// health check "mentor" (<see cref="MentorClassifierHealthCheck"/>). Endpoints take the classifier as a parameter.
    /// </summary>
    /// <param name="services">The app's services.</param>
    /// <param name="modelPath">The model file written by Mentor (<c>mentor train -o</c> or <c>TrainedClassifier.Save</c>).</param>
    /// <param name="configure">Adjusts batching, session and reload settings.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddMentorClassifier(this IServiceCollection services, string modelPath, Action<MentorClassifierOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var options = new MentorClassifierOptions();
        configure?.Invoke(options);
        services.AddSingleton(provider =>
        {
            var root = provider.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new BatchedClassifier(Path.Combine(root, modelPath), options, provider.GetService<ILogger<BatchedClassifier>>());
        });
        services.AddHostedService<ClassifierWarmup>();
        services.AddHealthChecks().AddCheck<MentorClassifierHealthCheck>("mentor");
        return services;
    }
}
