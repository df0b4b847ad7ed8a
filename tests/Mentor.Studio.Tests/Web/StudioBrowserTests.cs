using System.Net.Http.Json;
using System.Text.Json;
using Mentor.Server.Tests.Support;
using Mentor.Studio.Tests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Mentor.Studio.Tests.Web;

/// <summary>
/// The whole studio as a user meets it: <c>mentor studio</c> started as a process, driven in Debian's Chromium (headless,
/// Playwright) with a fake webcam filming real photos. Saves <c>screenshots/studio-*.png</c> beside the test assembly.
/// </summary>
public sealed class StudioBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const int PerClass = 8;

    private static readonly string Shots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Collect_from_files_and_webcam_train_relabel_retrain_test_live_and_the_downloaded_model_agrees_with_the_page()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: apt-get install chromium (as .ci/run does)");
        var temp = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mentor-studio-browser", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var webcam = await FakeWebcam.MakeAsync(SharedData.Clothing("train", "hat", PerClass), temp);
            await using var studio = await StudioProcess.StartAsync(Path.Combine(temp, "project"));
            using var api = new HttpClient { BaseAddress = studio.Address };
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={webcam}"],
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, AcceptDownloads = true });
            var requested = new List<string>();
            page.Request += (_, request) => requested.Add(request.Url);
            var consoleErrors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add($"{message.Text} ({message.Location})"); };
            await page.GotoAsync(studio.Address.ToString());

            // 1. Collect: three classes; files into two (two shoes filed under dress by mistake), the webcam into the third.
            foreach (var name in new[] { "dress", "shoes", "hat" })
            {
                await page.FillAsync("#new-class", name);
                await page.ClickAsync("#add-class button");
                await page.Locator($".class-card[data-name=\"{name}\"]").WaitForAsync();
            }
            await Card(page, "dress").Locator(".add-input").SetInputFilesAsync([.. SharedData.Clothing("train", "dress", PerClass), .. SharedData.Clothing("train", "shoes", 2, skip: 20)]);
            await Card(page, "shoes").Locator(".add-input").SetInputFilesAsync(SharedData.Clothing("train", "shoes", PerClass));
            await Expect(Card(page, "dress").Locator(".count")).ToHaveTextAsync($"{PerClass + 2} photos", new() { Timeout = 60_000 });
            await Expect(Card(page, "shoes").Locator(".count")).ToHaveTextAsync($"{PerClass} photos", new() { Timeout = 60_000 });
            await page.ClickAsync("#webcam-toggle");
            await page.WaitForFunctionAsync("() => document.getElementById('webcam').videoWidth > 0");
            var record = Card(page, "hat").Locator(".record");
            await record.HoverAsync();
            await page.Mouse.DownAsync();
            await page.WaitForTimeoutAsync(3000);
            await page.Mouse.UpAsync();
            await page.WaitForFunctionAsync("() => /^Uploaded/.test(document.getElementById('upload-text').textContent)", null, new() { Timeout = 60_000 });
            var hats = Directory.GetFiles(Path.Combine(temp, "project", "hat"));
            output.WriteLine($"webcam burst: {hats.Length} photos in 3 s");
            Assert.True(hats.Length >= 5, $"only {hats.Length} webcam photos");
            await Expect(Card(page, "hat").Locator(".count")).ToHaveTextAsync($"{hats.Length} photos");
            await Expect(Card(page, "hat").Locator(".grid img")).ToHaveCountAsync(hats.Length);
            await page.ClickAsync("#webcam-toggle");
            await Shot(page, "1-collect");

            // 2. Train, 3. see the accuracy.
            await page.ClickAsync("#train-button");
            await Expect(page.Locator("#understand")).ToBeVisibleAsync(new() { Timeout = 300_000 });
            var accuracy = await page.Locator("#accuracy").TextContentAsync();
            var split = await page.Locator("#split").TextContentAsync();
            output.WriteLine($"first training: accuracy {accuracy}; {split}");
            Assert.Matches(@"^\d+\.\d%$", accuracy);
            Assert.Contains("Held out 20% of each class", split);
            await Shot(page, "2-trained");

            // Relabel one mistake (or, when there is none, a photo from a confusion cell), then retrain.
            var relabel = page.Locator("#mistakes .relabel-button");
            string moved;
            if (await relabel.CountAsync() > 0)
            {
                moved = await page.Locator("#mistakes li").First.GetAttributeAsync("data-photo") ?? "";
                await relabel.First.ClickAsync();
                await Expect(relabel.First).ToHaveTextAsync("Relabelled");
            }
            else
            {
                await page.Locator("#confusion button.hit").First.ClickAsync();
                var tile = page.Locator("#cell-photos li").First;
                moved = await tile.GetAttributeAsync("data-photo") ?? "";
                await tile.Locator("button").ClickAsync();
                await page.SelectOptionAsync("#photo-dialog-move", "hat");
                await page.ClickAsync("#photo-dialog-move-button");
            }
            output.WriteLine($"relabelled {moved}");
            await Expect(page.Locator("#stale")).ToBeVisibleAsync();
            await Shot(page, "3-relabelled");
            await page.ClickAsync("#train-button");
            await WaitForRunAsync(api, 2);
            await Expect(page.Locator("#stale")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            output.WriteLine($"second training: accuracy {await page.Locator("#accuracy").TextContentAsync()}");
            await Shot(page, "4-retrained");

            // 4. Test live: a photo the model never saw, then the webcam.
            var photo = SharedData.Clothing("test", "shoes", 1)[0];
            await page.Locator("#live-file").SetInputFilesAsync(photo);
            await page.Locator("#live-top li").First.WaitForAsync();
            var pageLabel = await page.Locator("#live-top li .label").First.TextContentAsync();
            Assert.Contains(pageLabel, new[] { "dress", "shoes", "hat" }); // which one depends on the webcam burst's length; the export check below compares it
            output.WriteLine($"live photo (a test-split shoe): {pageLabel}");
            await Shot(page, "5-live-photo");
            var predictions = 0;
            page.RequestFinished += (_, r) => { if (r.Url.Contains("/api/predict", StringComparison.Ordinal)) Interlocked.Increment(ref predictions); };
            await page.ClickAsync("#live-webcam");
            await page.WaitForTimeoutAsync(1000);
            var before = predictions;
            await page.WaitForTimeoutAsync(3000);
            var perSecond = (predictions - before) / 3.0;
            output.WriteLine($"live webcam: {perSecond:F1} predictions per second");
            Assert.True(perSecond >= 2, $"{perSecond} predictions per second");
            await Shot(page, "6-live-webcam");
            await page.ClickAsync("#live-webcam");

            // 5. Export: the downloaded model gives, run by 'mentor predict', the label the page showed.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-model"));
            var modelPath = Path.Combine(temp, download.SuggestedFilename);
            await download.SaveAsAsync(modelPath);
            var (code, json, error) = await StudioProcess.RunAsync("predict", modelPath, photo, "--json");
            Assert.True(code == 0, error);
            Assert.Equal(pageLabel, JsonDocument.Parse(json).RootElement[0].GetProperty("top")[0].GetProperty("label").GetString());
            await page.Locator("#snippets summary").Nth(1).ClickAsync();
            Assert.Contains(download.SuggestedFilename, await page.Locator(".snippet-python").TextContentAsync());
            await Shot(page, "7-export");

            // 6. The int8 download: quantised on request (the page says so meanwhile), then saved; 'mentor predict' agrees.
            var int8 = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-int8"), new() { Timeout = 180_000 });
            Assert.EndsWith("-int8.onnx", int8.SuggestedFilename);
            var int8Path = Path.Combine(temp, int8.SuggestedFilename);
            await int8.SaveAsAsync(int8Path);
            await Expect(page.Locator("#int8-text")).ToContainTextAsync($"Saved {int8.SuggestedFilename}");
            Assert.True(new FileInfo(int8Path).Length < new FileInfo(modelPath).Length / 3, "the int8 model is not smaller");
            var fp32Scores = Scores(json);
            (code, json, error) = await StudioProcess.RunAsync("predict", int8Path, photo, "--json");
            Assert.True(code == 0, error);
            // int8 rounds the backbone's activations, and a head fitted on 32 photos (some of them webcam frames) amplifies
            // that: on a photo the head is unsure of, the top two may swap (seen: fp32 hat 0.58 / shoes 0.34, int8 shoes 0.49 /
            // hat 0.43). Here the download must work end to end; whether int8 agrees with fp32 over many photos is
            // Int8ExportTests' to check. A broken quantisation (wrong scales or input) would put fp32's top label last.
            var int8Scores = Scores(json);
            var fp32TopTwo = fp32Scores.OrderByDescending(s => s.Value).Take(2).Select(s => s.Key).ToList();
            Assert.True(fp32TopTwo.Contains(int8Scores.MaxBy(s => s.Value).Key) && int8Scores[pageLabel!] > int8Scores.Values.Min(),
                $"fp32 [{string.Join(", ", fp32Scores)}], int8 [{string.Join(", ", int8Scores)}]");
            Assert.Equal(fp32Scores.Keys.Order(), int8Scores.Keys.Order());

            // 7. Fine-tuning from the page: the curve grows an epoch at a time; Cancel ends the run and keeps the last model.
            await page.CheckAsync("#fine-tune");
            await page.ClickAsync("#train-button");
            await page.Locator("#curve circle").First.WaitForAsync(new() { Timeout = 300_000 });
            await Expect(page.Locator("#cancel-button")).ToBeVisibleAsync();
            await Shot(page, "8-fine-tune");
            await page.ClickAsync("#cancel-button");
            await Expect(page.Locator("#train-text")).ToContainTextAsync("cancelled", new() { Timeout = 60_000 });
            await Expect(page.Locator("#cancel-button")).ToBeHiddenAsync();
            Assert.Equal(await File.ReadAllBytesAsync(modelPath), await api.GetByteArrayAsync("/api/export/model"));

            var heap = await page.EvaluateAsync<double>("() => performance.memory.usedJSHeapSize");
            output.WriteLine($"JS heap: {heap / 1e6:F1} MB");

            // A phone's width: nothing scrolls sideways.
            await page.SetViewportSizeAsync(390, 844);
            await page.WaitForTimeoutAsync(300);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
            await Shot(page, "9-phone");

            Assert.True(consoleErrors.Count == 0, string.Join("\n", consoleErrors));
            Assert.All(requested, url => Assert.True(url.StartsWith(studio.Address.ToString(), StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"external request: {url}"));
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
        }
    }

    // 'mentor predict --json' for one photo: label -> probability.
    private static Dictionary<string, double> Scores(string json) =>
        JsonDocument.Parse(json).RootElement[0].GetProperty("top").EnumerateArray().ToDictionary(t => t.GetProperty("label").GetString()!, t => t.GetProperty("probability").GetDouble());

    private static ILocator Card(IPage page, string name) => page.Locator($".class-card[data-name=\"{name}\"]");

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task WaitForRunAsync(HttpClient api, int run)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (true)
        {
            var training = (await api.GetFromJsonAsync<JsonElement>("/api/project", limit.Token)).GetProperty("training");
            if (training.GetProperty("run").GetInt32() == run && training.GetProperty("state").GetString() == "done") return;
            Assert.NotEqual("failed", training.GetProperty("state").GetString());
            await Task.Delay(250, limit.Token);
        }
    }

    private static async Task Shot(IPage page, string name)
    {
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"studio-{name}.png"), FullPage = true });
    }
}
