using Mentor.Server.Tests.Support;
using Microsoft.Playwright;

namespace Mentor.Server.Tests.Web;

/// <summary>
/// The web page in a real browser: Debian's Chromium, headless, driven by Playwright (its own browser download does
/// not work here; <c>.ci/run</c> installs <c>chromium</c>). Saves <c>screenshots/page.png</c> beside the test assembly.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BrowserTests(ServedModel served)
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Uploading_a_photo_shows_its_class_as_the_top_label_and_the_models_labels()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (as .ci/run does)");
        var photos = new[] { SharedData.Clothing("validation", "shoes", 1, skip: 2)[0], SharedData.Clothing("validation", "t-shirt", 1, skip: 1)[0] };
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

        await page.GotoAsync(served.BaseAddress.ToString());
        await page.Locator("#labels li").First.WaitForAsync();
        await page.Locator("#files").SetInputFilesAsync(photos);
        var done = page.Locator(".card[data-state=done]");
        await Assertions.Expect(done).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(600); // let the bars finish their transition for the screenshot

        // Cards are prepended: the last photo chosen is first on the page.
        var topLabels = await page.Locator(".card .top-label").AllTextContentsAsync();
        Assert.Equal(photos.Reverse().Select(Json.LabelOf), topLabels);
        Assert.Equal(4, await page.Locator(".card").First.Locator(".bars li").CountAsync());
        Assert.Equal(TinyModel.Labels, await page.Locator("#labels li").AllTextContentsAsync());
        Assert.Contains("ready", await page.Locator("#status-text").TextContentAsync());
        Assert.Equal("resnet18", await page.Locator("#facts dd").Nth(1).TextContentAsync());
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "page.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

        Assert.True(new FileInfo(screenshot).Length > 10_000);
        Assert.Empty(consoleErrors);
        Assert.All(requested, url => Assert.True(url.StartsWith(served.BaseAddress.ToString(), StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal), $"external request: {url}"));
    }
}
