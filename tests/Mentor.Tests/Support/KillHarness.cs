using System.Diagnostics;
using System.Globalization;

namespace Mentor.Tests.Support;

/// <summary>
/// Kills <c>mentor</c> with SIGKILL at seeded moments. <c>MENTOR_KILLS</c> sets the kills per command (default 1, so the
/// suite stays quick; <c>bench/kill.sh</c> asks for 20+), <c>MENTOR_KILL_SEED</c> the first seed (default 1800), and
/// <c>MENTOR_KILL_LOG</c> a file that gets one line per kill (command, seed, moment, outcome).
/// </summary>
internal static class KillHarness
{
    public static int KillsPerCommand => int.TryParse(Environment.GetEnvironmentVariable("MENTOR_KILLS"), out var n) && n > 0 ? n : 1;

    private static int FirstSeed => int.TryParse(Environment.GetEnvironmentVariable("MENTOR_KILL_SEED"), out var s) ? s : 1800;

    /// <summary>One attempt: the seed, the moment drawn from it, and whether the process was still running then.</summary>
    public sealed record Kill(string Command, int Seed, TimeSpan After, bool Killed);

    /// <summary>
    /// The seeds of one command: the first seed plus <paramref name="offset"/> (one offset per command, so that commands do
    /// not share moments), then the next ones. Up to three times as many seeds as kills are drawn, for runs that finish
    /// before their moment.
    /// </summary>
    public static IEnumerable<int> Seeds(int offset) => Enumerable.Range(FirstSeed + offset * 1000, KillsPerCommand * 3);

    /// <summary>
    /// The moment of <paramref name="seed"/>: uniform in [0, <paramref name="window"/>) after the process starts. The seed
    /// is scrambled first (Knuth's multiplicative hash): <see cref="Random"/>'s first draws for consecutive seeds are
    /// nearly evenly spaced, which would sweep the window instead of sampling it.
    /// </summary>
    public static TimeSpan MomentOf(int seed, TimeSpan window) =>
        TimeSpan.FromMilliseconds(new Random(unchecked((int)((uint)seed * 2654435761u))).NextDouble() * window.TotalMilliseconds);

    /// <summary>Runs <c>mentor <paramref name="args"/></c> to the end: exit code, standard error and the wall time.</summary>
    public static async Task<(int ExitCode, string Error, TimeSpan Took)> RunAsync(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = CliRunner.Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return (process.ExitCode, await error, clock.Elapsed);
    }

    /// <summary>Starts <c>mentor <paramref name="args"/></c> and sends SIGKILL at the moment <paramref name="seed"/> draws.</summary>
    public static async Task<Kill> StartAndKillAsync(string command, int seed, TimeSpan window, params string[] args)
    {
        var after = MomentOf(seed, window);
        using var process = CliRunner.Start(args);
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return await KillAtAsync(process, command, seed, after);
    }

    /// <summary>Sends SIGKILL to <paramref name="process"/> <paramref name="after"/> its start, unless it has exited by then.</summary>
    public static async Task<Kill> KillAtAsync(Process process, string command, int seed, TimeSpan after)
    {
        var left = after - (DateTime.Now - process.StartTime);
        var exited = process.WaitForExitAsync();
        var killed = left <= TimeSpan.Zero || await Task.WhenAny(exited, Task.Delay(left)) != exited;
        if (killed) process.Kill(); // SIGKILL on Linux: no handler runs, nothing is flushed
        await process.WaitForExitAsync();
        killed &= process.ExitCode == 137;
        return new Kill(command, seed, after, killed);
    }

    /// <summary>Appends one line per kill to <c>MENTOR_KILL_LOG</c>, when set.</summary>
    public static void Log(Kill kill, string outcome)
    {
        if (Environment.GetEnvironmentVariable("MENTOR_KILL_LOG") is not { Length: > 0 } log) return;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{kill.Command}\tseed={kill.Seed}\tkill-at={kill.After.TotalSeconds:F2}s\t{(kill.Killed ? "killed" : "finished-first")}\t{outcome}{Environment.NewLine}");
        lock (typeof(KillHarness)) File.AppendAllText(log, line);
    }
}
