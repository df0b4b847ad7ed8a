namespace Mentor.Server.Http;

/// <summary>The logging of Mentor's web apps: one line per request (see <see cref="RequestLogging"/>), framework noise off.</summary>
public static class ServerLogging
{
    /// <summary>Plain single-line or JSON console logs, or <paramref name="custom"/> providers instead (tests capture them).</summary>
    public static void Configure(ILoggingBuilder logs, bool jsonLogs, Action<ILoggingBuilder>? custom = null)
    {
        ArgumentNullException.ThrowIfNull(logs);
        logs.ClearProviders();
        logs.SetMinimumLevel(LogLevel.Information);
        logs.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (custom is not null)
        {
            custom(logs);
            return;
        }
        if (jsonLogs) logs.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        else logs.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; o.UseUtcTimestamp = true; });
    }
}
