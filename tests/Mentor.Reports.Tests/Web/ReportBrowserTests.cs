using Mentor.Reports.Tests.Support;
using Microsoft.Playwright;

namespace Mentor.Reports.Tests.Web;

/// <summary>
/// The written report in a real browser: Debian's Chromium, headless, driven by Playwright (its own browser download
/// does not work here; <c>apt-get install chromium</c>). Saves <c>screenshots/report.png</c> beside the test assembly.
/// </summary>
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_written_report_opens_from_disk_with_every_image_loaded_and_nothing_fetched()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium");
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", "report.html");
        HtmlReport.Write(SampleReport.Data(), path);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };

        await page.GotoAsync(new Uri(path).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var widths = await page.EvaluateAsync<int[]>("() => Array.from(document.images, i => i.complete ? i.naturalWidth : 0)");
        Assert.Equal(5 + 6, widths.Length);
        Assert.All(widths, w => Assert.True(w > 0, "an image did not load"));
        var figureIds = await page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('figure.plot'), f => f.id)");
        Assert.Equal(ReportFigures.Names(SampleReport.Data()), figureIds);
        Assert.Equal("Mentor report: clothing-small", await page.TitleAsync());
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        // Responsive: on a phone-sized viewport nothing sticks out sideways.
        await page.SetViewportSizeAsync(390, 800);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");

        Assert.True(new FileInfo(screenshot).Length > 50_000);
        Assert.Empty(consoleErrors);
        Assert.All(requested, url => Assert.True(url.StartsWith("file://", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"external request: {url}"));
    }
}
