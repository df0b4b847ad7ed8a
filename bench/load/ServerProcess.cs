using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Mentor.LoadTest;

/// <summary><c>mentor serve</c> as a child process on a free loopback port; its log goes to a file. Stopped with SIGTERM.</summary>
internal sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _drainOut;

    private ServerProcess(Process process, Uri address, Task drainOut)
    {
        _process = process;
        Address = address;
        _drainOut = drainOut;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public static async Task<ServerProcess> StartAsync(string model, string extraArgs, string logFile)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"), "serve", model, "--urls", "http://127.0.0.1:0" })
            start.ArgumentList.Add(arg);
        foreach (var arg in extraArgs.Split(' ', StringSplitOptions.RemoveEmptyEntries)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var log = new StreamWriter(logFile);
        var drainOut = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line) await log.WriteLineAsync(line);
            await log.DisposeAsync();
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success)
            {
                _ = process.StandardError.ReadToEndAsync();
                return new ServerProcess(process, new Uri(match.Groups[1].Value), drainOut);
            }
            Console.Error.WriteLine($"server: {line}");
        }
        throw new InvalidOperationException("mentor serve exited before listening");
    }

    /// <summary>Resident memory now, in MB (VmRSS from /proc).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>SIGTERM, then the exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        await _drainOut;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"mentor: serving .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
