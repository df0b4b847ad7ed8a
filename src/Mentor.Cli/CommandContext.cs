using Spectre.Console;

namespace Mentor.Cli;

/// <summary>Where commands write: results to stdout (so --json stays parseable), progress and errors to stderr.</summary>
public sealed class CommandContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    /// <summary>A console for human-readable output on stdout.</summary>
    public IAnsiConsole Console { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });

    /// <summary>A console on stderr for progress bars.</summary>
    public IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
}
