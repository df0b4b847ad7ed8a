using System.CommandLine;
using System.Globalization;
using Mentor.Batching;
using Mentor.Models;
using Mentor.Server;
using Microsoft.Extensions.Hosting;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor serve &lt;model.onnx&gt; [--urls URL] [--max-body-size MB] [--batch-size N] [--batch-window MS] [--json-logs] [--int8 [--calibration DIR] [--cache DIR]]</c>.</summary>
internal static class ServeCommand
{
    public static Command Create(CommandContext context)
    {
        var modelPath = new Argument<FileInfo>("model") { Description = "Model file written by 'mentor train -o'" };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ';' (port 0: any free port)", DefaultValueFactory = _ => ServerOptions.DefaultUrls };
        var maxBody = new Option<double>("--max-body-size") { Description = "Largest request body in MB; larger ones get 413", DefaultValueFactory = _ => 20 };
        var batch = new Option<int>("--batch-size") { Description = "Most images per model call", DefaultValueFactory = _ => new BatchingOptions().MaxBatchSize };
        var window = new Option<double>("--batch-window") { Description = "Milliseconds to wait for more images once one is waiting", DefaultValueFactory = _ => new BatchingOptions().BatchWindow.TotalMilliseconds };
        var jsonLogs = new Option<bool>("--json-logs") { Description = "Write request logs as JSON lines" };
        maxBody.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 2048)) r.AddError("--max-body-size must be between 0 and 2048 MB."); });
        batch.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 256) r.AddError("--batch-size must be between 1 and 256."); });
        window.Validators.Add(r => { if (r.GetValueOrDefault<double>() is < 0 or > 1000) r.AddError("--batch-window must be between 0 and 1000 ms."); });
        urls.Validators.Add(r =>
        {
            foreach (var url in r.GetValueOrDefault<string>().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                    r.AddError($"--urls: '{url}' is not an http:// address such as {ServerOptions.DefaultUrls}.");
        });
        var int8 = new Option<bool>("--int8") { Description = "Serve the int8 version of the model (quantised once, then cached): about 3x the images/s" };
        var calibration = new Option<DirectoryInfo?>("--calibration") { Description = "With --int8: photos to calibrate on (default: the training folder recorded in the model)" };
        var cache = new Option<string?>("--cache") { Description = "Cache folder for the int8 model (default: $MENTOR_CACHE, else the user's cache folder)" };
        var command = new Command("serve", "Serve a trained model over HTTP: POST /predict, GET /model, GET /health and a web page at /")
        {
            modelPath, urls, maxBody, batch, window, jsonLogs, int8, calibration, cache,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            // A missing or foreign file stops here with one line (ModelFileException -> exit 1).
            // glibc's malloc arenas are capped before the process starts (Program.cs: NativeHeap.RestartWithArenaCap).
            var path = parse.GetValue(modelPath)!.FullName;
            if (parse.GetValue(int8))
                path = Int8ModelFiles.GetOrCreate(path, parse.GetValue(calibration)?.FullName, parse.GetValue(cache), cancellation);
            using var classifier = ImageClassifier.Load(path);
            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                MaxRequestBodyBytes = (long)(parse.GetValue(maxBody) * 1024 * 1024),
                Batching = new BatchingOptions { MaxBatchSize = parse.GetValue(batch), BatchWindow = TimeSpan.FromMilliseconds(parse.GetValue(window)) },
                JsonLogs = parse.GetValue(jsonLogs),
            };
            await using (var app = PredictionServer.Create(classifier, options))
            {
                try
                {
                    await app.StartAsync(cancellation).ConfigureAwait(false);
                }
                catch (IOException e)
                {
                    throw new MentorException($"cannot listen on {options.Urls} ({e.Message.Split('\n')[0]}); choose another address with --urls");
                }
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"mentor: serving {Path.GetFileName(classifier.Path)} ({classifier.Labels.Count} labels) on {string.Join(", ", app.Urls)}; Ctrl+C stops")).ConfigureAwait(false);
                // Ctrl+C / SIGTERM: stop accepting, let in-flight requests finish, then drain the batch queue (on dispose).
                await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            }
            return MentorApp.Ok;
        });
        return command;
    }
}
