using Microsoft.Playwright;

namespace Mentor.Studio.Tests.Support;

/// <summary>
/// What a Chromium launched by Playwright holds in memory, per process: the processes and their types (<c>browser</c>,
/// <c>renderer</c>, <c>GPU</c>, <c>utility</c>) come from the DevTools protocol (<c>SystemInfo.getProcessInfo</c>), their
/// sizes from <c>/proc</c>. The proportional set size (PSS) splits pages the processes share between them, so the sum
/// is what the browser costs the machine; a renderer's PSS is what the page costs.
/// </summary>
internal static class BrowserMemory
{
    public sealed record Process(int Id, string Type, long ProportionalBytes);

    public sealed record Figures(IReadOnlyList<Process> Processes)
    {
        public long ProportionalBytes => Processes.Sum(p => p.ProportionalBytes);

        /// <summary>The renderer processes (the pages, their scripts, DOM and decoded images).</summary>
        public long RendererBytes => Processes.Where(p => p.Type == "renderer").Sum(p => p.ProportionalBytes);

        public override string ToString() =>
            $"{ProportionalBytes / 1e6:F0} MB in {Processes.Count} processes (" +
            string.Join(", ", Processes.GroupBy(p => p.Type).Select(g => $"{g.Key} {g.Sum(p => p.ProportionalBytes) / 1e6:F0}")) + ")";
    }

    public static async Task<Figures> MeasureAsync(IBrowser browser)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var info = await session.SendAsync("SystemInfo.getProcessInfo");
        var processes = info!.Value.GetProperty("processInfo").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetInt32(), Type: p.GetProperty("type").GetString() ?? "?"))
            .Select(p => new Process(p.Id, p.Type, Kilobytes($"/proc/{p.Id}/smaps_rollup", "Pss:") * 1024))
            .ToList();
        await session.DetachAsync();
        return new Figures(processes);
    }

    // A line such as "Pss:   12345 kB"; 0 when the process has already gone.
    private static long Kilobytes(string file, string key)
    {
        try
        {
            var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
