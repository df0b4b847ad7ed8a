using System.Diagnostics;
using System.Text;

namespace Mentor.Packaging.Tests.Support;

/// <summary>Runs a command to completion in a folder, with a time limit; a failure throws with everything it printed.</summary>
internal static class Shell
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string workingDirectory, string file, IEnumerable<string> args, TimeSpan limit, IDictionary<string, string>? environment = null, bool check = true)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Consumers print numbers the same way whatever the machine's culture.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        // A consumer is built on its own: not through the MSBuild node of the test's own build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took over {limit.TotalSeconds} s:\n{stdout}\n{stderr}");
        }
        process.WaitForExit();
        var result = new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
        if (check && result.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {result.ExitCode} in {workingDirectory}:\n{result.Out}\n{result.Error}");
        return result;
    }

    public static Task<Result> DotnetAsync(string workingDirectory, params string[] args) =>
        RunAsync(workingDirectory, "dotnet", args, TimeSpan.FromMinutes(8));
}
