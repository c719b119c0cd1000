using Microsoft.Extensions.Logging;

namespace Sked.Workflows.Testing;

/// <summary>Keeps every error-level line an app logs (added through TestApp's <c>configure</c>).</summary>
public sealed class ErrorLog : ILoggerProvider, ILogger
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Lines.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
