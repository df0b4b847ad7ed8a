using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Mentor.Server.Tests.Support;

/// <summary>An in-memory logger provider: every record with its structured fields, for assertions.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    /// <summary>One log record: category, event id, message and the named values.</summary>
    public sealed record Entry(string Category, int EventId, string Message, IReadOnlyDictionary<string, object?> Fields);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : [];
            owner.Entries.Enqueue(new Entry(category, eventId.Id, formatter(state, exception), fields));
        }
    }
}
