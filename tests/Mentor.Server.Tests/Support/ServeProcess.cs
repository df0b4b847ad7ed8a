using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Mentor.Server.Tests.Support;

/// <summary>
/// <c>mentor serve &lt;model&gt; --urls http://127.0.0.1:0</c> as a child process, the way a user starts it: its own
/// process (its own sockets and file descriptors), its address read from the line it prints. Disposing kills what is left.
/// </summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int ExitCode => _process.ExitCode;

    public static async Task<ServeProcess> StartAsync(string modelPath, params string[] flags)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"), "serve", modelPath, "--urls", "http://127.0.0.1:0", .. flags])
            start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync(); // request logs
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is not { Success: true } match) continue;
            _ = process.StandardError.ReadToEndAsync();
            return new ServeProcess(process, new Uri(match.Groups[1].Value));
        }
        throw new InvalidOperationException("mentor serve exited before listening");
    }

    /// <summary>Sends SIGTERM, as systemd, Docker and Kubernetes stop a service.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        await kill.WaitForExitAsync();
    }

    public Task WaitForExitAsync(CancellationToken cancellation) => _process.WaitForExitAsync(cancellation);

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill();
        _process.Dispose();
    }

    [GeneratedRegex(@"mentor: serving .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
