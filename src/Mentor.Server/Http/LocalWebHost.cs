using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mentor.Server.Http;

/// <summary>The Kestrel host that <c>serve</c> and the studio share: its addresses, body limit, connection limits (<see cref="ConnectionLimits"/>), shutdown time and logs.</summary>
public static class LocalWebHost
{
    /// <summary>A slim builder listening on <paramref name="urls"/> (semicolon-separated), without a Server header.</summary>
    public static WebApplicationBuilder CreateBuilder(string applicationName, string urls, long maxRequestBodyBytes, TimeSpan shutdownTimeout,
        bool jsonLogs, Action<ILoggingBuilder>? logging)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = applicationName, ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = maxRequestBodyBytes;
            ConnectionLimits.Apply(k.Limits);
        });
        builder.Services.Configure<HostOptions>(h => h.ShutdownTimeout = shutdownTimeout);
        ServerLogging.Configure(builder.Logging, jsonLogs, logging);
        return builder;
    }
}
