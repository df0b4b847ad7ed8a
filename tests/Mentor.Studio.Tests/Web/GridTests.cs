using System.Diagnostics;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mentor.Studio.Tests.Web;

/// <summary>
/// The grid stays light however many photos a class has: one page of thumbnails per class, listed when its card nears
/// the view, more on request. On an
/// existing dataset folder opened as a project (set <c>MENTOR_STUDIO_GRID_PROJECT</c> to a copy of a large one to
/// measure it; the load time and Chromium's JS heap are printed, not asserted). The page's memory (its renderer
/// process's proportional set size, after every tile's thumbnail has loaded) stays under 300 MB; the whole browser's
/// is printed beside it (about 300 MB of it is Chromium's own processes, whatever the page).
/// </summary>
public sealed class GridTests(ITestOutputHelper output)
{
    private const int Page = 40; // app.js's PAGE

    // Brings each class's card into view in turn and waits for its first page of tiles and their thumbnails, as a user
    // looking at every class would (a card's grid is listed when it nears the view). Argument: class -> tiles expected.
    private const string VisitEveryCard = """
        async (expected) => {
          for (const card of document.querySelectorAll('.class-card')) {
            card.scrollIntoView();
            const images = () => [...card.querySelectorAll('.grid img')];
            while (card.querySelectorAll('.grid li').length !== expected[card.dataset.name] || !images().every(i => i.complete && i.naturalWidth > 0))
              await new Promise(r => setTimeout(r, 20));
          }
        }
        """;

    // True once every card is on the page and the cards in view show their first page of tiles, thumbnails loaded.
    private const string FirstScreenLoaded = """
        (expected) => {
          const cards = [...document.querySelectorAll('.class-card')];
          const inView = cards.filter(c => c.getBoundingClientRect().top < innerHeight);
          return cards.length === Object.keys(expected).length && inView.length > 0
            && inView.every(c => c.querySelectorAll('.grid li').length === expected[c.dataset.name])
            && [...document.querySelectorAll('.grid img')].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete && i.naturalWidth > 0);
        }
        """;

    private static async Task<IPage> NewPageAsync(IBrowser browser) =>
        await (await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } })).NewPageAsync();

    // Milliseconds from navigation until the first screen is loaded (FirstScreenLoaded), and where the page's time went
    // (from its Resource Timing entries).
    private static async Task<(double Milliseconds, string Breakdown)> LoadAsync(IPage page, StudioHost studio, Dictionary<string, int> tiles)
    {
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(studio.Client.BaseAddress!.ToString());
        await page.WaitForFunctionAsync(FirstScreenLoaded, tiles, new() { Timeout = 60_000, PollingInterval = 100 }); // not every frame: the check itself forces a layout
        var ms = clock.Elapsed.TotalMilliseconds;
        var breakdown = await page.EvaluateAsync<string>("""
          () => { const r = performance.getEntriesByType('resource'); const f = (p) => r.filter(e => e.name.includes(p));
            const span = (p) => { const e = f(p); return e.length ? `${p}: ${e.length} from ${Math.min(...e.map(x => x.startTime)).toFixed(0)} to ${Math.max(...e.map(x => x.responseEnd)).toFixed(0)}, median ${e.map(x => x.responseEnd - x.startTime).sort((a,b)=>a-b)[e.length>>1].toFixed(0)} ms` : ''; };
            const n = performance.getEntriesByType('navigation')[0];
            return `nav response ${n.responseEnd.toFixed(0)} domInteractive ${n.domInteractive.toFixed(0)} load ${n.loadEventEnd.toFixed(0)}; ` + ['app.js','/api/project','/api/photos','/api/thumb'].map(span).join('; ') + `; now ${performance.now().toFixed(0)}`; }
          """);
        return (ms, breakdown);
    }

    [Fact]
    public async Task An_existing_dataset_folder_opens_with_one_page_of_thumbnails_per_class_and_more_on_request()
    {
        var given = Environment.GetEnvironmentVariable("MENTOR_STUDIO_GRID_PROJECT");
        var temp = Path.Combine(Path.GetTempPath(), "mentor-studio-grid", Guid.NewGuid().ToString("N"));
        var root = given ?? Path.Combine(temp, "project");
        if (given is null)
        {
            foreach (var (label, count) in new[] { ("hat", Page + 5), ("shoes", 5) })
            {
                Directory.CreateDirectory(Path.Combine(root, label));
                foreach (var photo in SharedData.Clothing("train", label, count)) File.Copy(photo, Path.Combine(root, label, Path.GetFileName(photo)));
            }
        }
        try
        {
            await using var studio = await StudioHost.StartAsync(new StudioOptions { BackgroundFeatures = false }, root);
            var counts = Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.'))
                .ToDictionary(d => Path.GetFileName(d), d => Directory.GetFiles(d).Length);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-precise-memory-info"],
            });
            var blank = await NewPageAsync(browser);
            var chromiumAlone = await BrowserMemory.MeasureAsync(browser); // the same browser on about:blank, for scale
            await blank.Context.CloseAsync();
            var expected = counts.ToDictionary(c => c.Key, c => Math.Min(c.Value, Page));
            var first = await NewPageAsync(browser);
            var (firstLoad, firstBreakdown) = await LoadAsync(first, studio, expected); // the server's first requests (JIT, thumbnails made)
            await first.Context.CloseAsync();
            var page = await NewPageAsync(browser); // a fresh context: nothing cached in the browser
            var (loaded, breakdown) = await LoadAsync(page, studio, expected);
            output.WriteLine($"page timeline (ms from navigation): {breakdown}; the first time after the studio started: {firstBreakdown}");
            await page.EvaluateAsync(VisitEveryCard, expected);
            var heap = await page.EvaluateAsync<double>("() => performance.memory.usedJSHeapSize");
            var memory = await BrowserMemory.MeasureAsync(browser);
            output.WriteLine($"{counts.Values.Sum()} photos in {counts.Count} classes: first screen loaded in {loaded:F0} ms ({firstLoad:F0} ms the first time after the studio started), {expected.Values.Sum()} tiles once every class was seen, JS heap {heap / 1e6:F1} MB; " +
                $"Chromium: {memory}; on about:blank {chromiumAlone} (proportional set sizes)");
            Assert.True(memory.RendererBytes < 300e6, $"the page's renderer holds {memory.RendererBytes / 1e6:F0} MB with the grid open; the studio promises under 300 MB");

            foreach (var (label, count) in counts)
            {
                var card = page.Locator($".class-card[data-name=\"{label}\"]");
                await Assertions.Expect(card.Locator(".grid li")).ToHaveCountAsync(Math.Min(count, Page));
                await Assertions.Expect(card.Locator(".count")).ToHaveTextAsync($"{count} photo{(count == 1 ? "" : "s")}");
            }
            var big = counts.MaxBy(c => c.Value);
            var more = page.Locator($".class-card[data-name=\"{big.Key}\"] .more");
            await Assertions.Expect(more).ToHaveTextAsync($"Show more ({big.Value - Page} more)");
            await more.ClickAsync();
            await Assertions.Expect(page.Locator($".class-card[data-name=\"{big.Key}\"] .grid li")).ToHaveCountAsync(Math.Min(big.Value, 2 * Page));
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
        }
    }
}
