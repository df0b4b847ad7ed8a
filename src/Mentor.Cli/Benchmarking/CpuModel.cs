using System.Runtime.InteropServices;

namespace Mentor.Cli.Benchmarking;

/// <summary>The processor a benchmark ran on: figures from different CPUs are not comparable, so every report names it.</summary>
internal static class CpuModel
{
    /// <summary>The model name from /proc/cpuinfo (with its family and model numbers) on Linux, else the architecture.</summary>
    public static string Describe()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
        var fields = File.ReadLines(cpuInfo).TakeWhile(l => l.Length > 0)
            .Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim());
        var name = fields.GetValueOrDefault("model name", RuntimeInformation.ProcessArchitecture.ToString());
        return fields.TryGetValue("cpu family", out var family) && fields.TryGetValue("model", out var model)
            ? $"{name} (family {family}, model {model})"
            : name;
    }
}
