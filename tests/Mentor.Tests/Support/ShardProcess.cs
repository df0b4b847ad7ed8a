using System.Diagnostics;

namespace Mentor.Tests.Support;

/// <summary>Runs <c>mentor</c> as a child process with extra environment variables, as a cluster's scheduler would.</summary>
internal static class ShardProcess
{
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return Process.Start(start)!;
    }

    /// <summary>Runs to the end; the exit code and standard output.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
