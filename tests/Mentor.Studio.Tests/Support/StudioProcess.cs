using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Mentor.Studio.Tests.Support;

/// <summary>
/// <c>mentor studio &lt;dir&gt; --urls http://127.0.0.1:0</c> as a child process, the way a user starts it; its address is
/// read from the line it prints. Disposing sends SIGTERM and waits for the exit code.
/// </summary>
internal sealed partial class StudioProcess : IAsyncDisposable
{
    private readonly Process _process;

    private StudioProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int? ExitCode { get; private set; }

    public static async Task<StudioProcess> StartAsync(string projectDirectory)
    {
        var process = Mentor("studio", projectDirectory, "--urls", "http://127.0.0.1:0");
        _ = process.StandardOutput.ReadToEndAsync(); // request logs
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (!match.Success) continue;
            _ = process.StandardError.ReadToEndAsync();
            return new StudioProcess(process, new Uri(match.Groups[1].Value));
        }
        throw new InvalidOperationException("mentor studio exited before listening");
    }

    /// <summary>Runs another mentor command to the end: exit code and standard output.</summary>
    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var process = Mentor(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static Process Mentor(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        ExitCode = _process.HasExited ? _process.ExitCode : null;
        _process.Dispose();
    }

    [GeneratedRegex(@"mentor: studio for .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
