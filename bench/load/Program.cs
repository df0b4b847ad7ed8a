// Load test for 'mentor serve' (issue 6). Usage:
//   dotnet run -c Release --project bench/load -- --model clothing.onnx [--data <dir>] [--clients 32] [--duration 60]
//     [--bad-client true|false] [--bad-rate 20 (per second; 0: flat out)] [--photos 96] [--baseline-batch 16] [--baseline-seconds 15] [--serve-args "..."] [--out results.json]
// 1. in-process baseline (ImageClassifier.Run on prepared tensors, batches of 16); 2. 'mentor serve' as a child
// process; 3. N good clients + 1 bad-input client for the duration, server RSS sampled every 10 s; 4. SIGTERM;
// 5. baseline again. The report compares the server's throughput with the better of the two baselines.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Mentor.LoadTest;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = LoadOptions.Parse(args);
var files = Directory.EnumerateFiles(options.Data, "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
var step = Math.Max(1, files.Count / options.Photos);
var photos = files.Where((_, i) => i % step == 0).Take(options.Photos).Select(f => (f, File.ReadAllBytes(f))).ToList();
string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
var loadBefore = LoadAverage();
Console.Error.WriteLine($"{photos.Count} photos from {options.Data}; load average {loadBefore}");

var expected = InProcessBaseline.TopLabels(options.Model, photos);
var baselineBefore = InProcessBaseline.Measure(options.Model, photos, options.BaselineBatch, options.BaselineTime);
Console.Error.WriteLine($"in-process baseline (batch {options.BaselineBatch}): {baselineBefore:F1} images/s");

var logFile = Path.Combine(Path.GetTempPath(), $"mentor-serve-load-{Environment.ProcessId}.log");
await using var server = await ServerProcess.StartAsync(options.Model, options.ServeArgs, logFile);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 8, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
{
    BaseAddress = server.Address,
    Timeout = TimeSpan.FromSeconds(60),
};
var warm = new GoodClients(http, photos, expected);
await warm.RunAsync(4, DateTime.UtcNow.AddSeconds(3));
var rssStart = server.ResidentMegabytes();
var rss = new List<JsonNode> { new JsonObject { ["seconds"] = 0, ["mb"] = Math.Round(rssStart, 1) } };

var good = new GoodClients(http, photos, expected);
var bad = new BadClient(http, photos[0].Item2, 25L * 1024 * 1024, options.BadPerSecond);
var clock = Stopwatch.StartNew();
var until = DateTime.UtcNow + options.Duration;
var load = Task.WhenAll(good.RunAsync(options.Clients, until), options.BadClient ? bad.RunAsync(until) : Task.CompletedTask);
while (!load.IsCompleted)
{
    await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(10)));
    var memory = JsonNode.Parse(await http.GetStringAsync("/health"))!["memory"]!;
    rss.Add(new JsonObject { ["seconds"] = Math.Round(clock.Elapsed.TotalSeconds), ["mb"] = Math.Round(server.ResidentMegabytes(), 1), ["gcHeapMb"] = memory["gcHeapMb"]!.DeepClone() });
}
await load;
var seconds = clock.Elapsed.TotalSeconds;
var rssEnd = server.ResidentMegabytes();
var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
var exitCode = await server.StopAsync();
var baselineAfter = InProcessBaseline.Measure(options.Model, photos, options.BaselineBatch, options.BaselineTime);

var latencies = good.Latencies.Order().ToArray();
double Percentile(double p) => latencies.Length == 0 ? double.NaN : Math.Round(latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)], 1);
var throughput = good.Successes / seconds;
var baseline = Math.Max(baselineBefore, baselineAfter);
var report = new JsonObject
{
    ["date"] = DateTimeOffset.UtcNow.ToString("u"),
    ["model"] = Path.GetFileName(options.Model),
    ["photos"] = photos.Count,
    ["clients"] = options.Clients,
    ["seconds"] = Math.Round(seconds, 1),
    ["serveArgs"] = options.ServeArgs,
    ["badRequestsPerSecond"] = options.BadClient ? options.BadPerSecond : 0,
    ["loadAverageBefore"] = loadBefore,
    ["loadAverageAfter"] = LoadAverage(),
    ["requests"] = good.Successes,
    ["errors"] = good.Errors.Values.Sum(),
    ["errorKinds"] = JsonSerializer.SerializeToNode(good.Errors),
    ["wrongAnswers"] = good.WrongAnswers,
    ["imagesPerSecond"] = Math.Round(throughput, 2),
    ["inProcessImagesPerSecondBefore"] = Math.Round(baselineBefore, 2),
    ["inProcessImagesPerSecondAfter"] = Math.Round(baselineAfter, 2),
    ["ratioToInProcess"] = Math.Round(throughput / baseline, 3),
    ["latencyMs"] = new JsonObject { ["p50"] = Percentile(0.50), ["p90"] = Percentile(0.90), ["p99"] = Percentile(0.99), ["max"] = Percentile(1.0) },
    ["badClient"] = options.BadClient ? new JsonObject { ["answers"] = JsonSerializer.SerializeToNode(bad.Answers.OrderBy(a => a.Key).ToDictionary()), ["non4xx"] = bad.Non4xx } : null,
    ["serverBatcher"] = health["batcher"]!.DeepClone(),
    ["serverRssMb"] = new JsonObject { ["start"] = Math.Round(rssStart, 1), ["end"] = Math.Round(rssEnd, 1), ["max"] = rss.Max(r => (double)r!["mb"]!), ["samples"] = new JsonArray([.. rss]) },
    ["serverExitCode"] = exitCode,
};
var text = report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
Console.WriteLine(text);
if (options.Output is not null) await File.WriteAllTextAsync(options.Output, text + "\n");
var pass = good.Errors.IsEmpty && bad.Non4xx == 0 && throughput >= 0.8 * baseline && exitCode == 0;
Console.Error.WriteLine(pass ? "PASS" : "FAIL");
return pass ? 0 : 1;
