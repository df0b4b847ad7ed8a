using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Mentor.Cli;
using Mentor.Server.Tests.Support;

namespace Mentor.Server.Tests.Cli;

[Collection(ServerCollection.Name)]
public sealed partial class ServeCommandTests(ServedModel served)
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await MentorApp.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task A_missing_model_stops_serve_at_start_up_with_one_line()
    {
        var (code, _, error) = await RunAsync("serve", "/nonexistent/model.onnx", "--urls", "http://127.0.0.1:0");

        Assert.Equal(MentorApp.UserError, code);
        Assert.Equal("mentor: /nonexistent/model.onnx: model file not found; train one with 'mentor train <dir> -o model.onnx'.", error.Trim());
    }

    [Fact]
    public async Task A_file_that_is_not_a_mentor_model_stops_serve_with_one_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-a-model-{Guid.NewGuid():N}.onnx");
        await File.WriteAllTextAsync(path, "hello");
        try
        {
            var (code, _, error) = await RunAsync("serve", path, "--urls", "http://127.0.0.1:0");

            Assert.Equal(MentorApp.UserError, code);
            Assert.Single(error.Trim().Split('\n'));
            Assert.StartsWith($"mentor: {path}: ", error);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--max-body-size", "0", "--max-body-size must be")]
    [InlineData("--batch-size", "0", "--batch-size must be")]
    [InlineData("--urls", "ftp://x", "is not an http:// address")]
    public async Task Bad_flags_are_usage_errors(string flag, string value, string message)
    {
        var (code, _, error) = await RunAsync("serve", served.ModelPath, flag, value);

        Assert.Equal(MentorApp.UsageError, code);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Serve_runs_the_real_command_applies_the_body_limit_flag_and_exits_0_on_sigterm()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Mentor.Cli.dll"), "serve", served.ModelPath, "--urls", "http://127.0.0.1:0", "--max-body-size", "0.5", "--json-logs" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            var address = await ReadAddressAsync(process.StandardError);
            using var client = new HttpClient { BaseAddress = address };

            using var health = await client.GetAsync("/health");
            using var tooBig = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/predict")
            {
                Content = new ByteArrayContent(new byte[600 * 1024]),
                Headers = { ExpectContinue = true }, // refused from its length, so never sent
            });
            using var photo = await client.PostAsync("/predict", ServedModel.Photo(SharedData.Clothing("validation", "shoes", 1)[0]));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
            Assert.Equal("shoes", (await photo.ReadJsonAsync()).GetProperty("predictions")[0].Top()[0].Label);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);
        }
        Assert.Equal(0, process.ExitCode);
        var logs = await stdout;
        Assert.Contains("\"Path\":\"/predict\"", logs);
        Assert.Contains("\"Status\":413", logs);
    }

    private static async Task<Uri> ReadAddressAsync(StreamReader stderr)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await stderr.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = Listening().Match(line);
            if (match.Success) return new Uri(match.Groups[1].Value);
        }
        throw new InvalidOperationException("serve exited before listening");
    }

    [GeneratedRegex(@"mentor: serving .* on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
