using System.Diagnostics;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mentor.Studio.Tests.Web;

/// <summary>
/// The grid stays light however many photos a class has: one page of thumbnails per class, more on request. On an
/// existing dataset folder opened as a project (set <c>MENTOR_STUDIO_GRID_PROJECT</c> to a copy of a large one to
/// measure it; the load time and Chromium's JS heap are printed, not asserted).
/// </summary>
public sealed class GridTests(ITestOutputHelper output)
{
    private const int Page = 40; // app.js's PAGE

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
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

            var clock = Stopwatch.StartNew();
            await page.GotoAsync(studio.Client.BaseAddress!.ToString());
            var expected = counts.Values.Sum(c => Math.Min(c, Page));
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('.grid li').length === {expected} && [...document.querySelectorAll('.grid img')].filter(i => i.getBoundingClientRect().top < innerHeight).every(i => i.complete)",
                null, new() { Timeout = 60_000 });
            var loaded = clock.Elapsed.TotalMilliseconds;
            var heap = await page.EvaluateAsync<double>("() => performance.memory.usedJSHeapSize");
            output.WriteLine($"{counts.Values.Sum()} photos in {counts.Count} classes: grid loaded in {loaded:F0} ms (under load), {expected} tiles, JS heap {heap / 1e6:F1} MB");

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
