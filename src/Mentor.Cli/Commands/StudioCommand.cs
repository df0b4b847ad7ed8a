using System.CommandLine;
using System.Globalization;
using Mentor.Studio;
using Microsoft.Extensions.Hosting;

namespace Mentor.Cli.Commands;

/// <summary><c>mentor studio [project-dir] [--urls URL] [--max-body-size MB] [--cache DIR] [--json-logs]</c>.</summary>
internal static class StudioCommand
{
    public static Command Create(CommandContext context)
    {
        var project = new Argument<DirectoryInfo>("project-dir")
        {
            Description = "Project folder: one sub-folder per class (created when missing; an existing dataset folder opens as it is)",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, separated by ';' (port 0: any free port)", DefaultValueFactory = _ => StudioOptions.DefaultUrls };
        var maxBody = new Option<double>("--max-body-size") { Description = "Largest upload request in MB; larger ones get 413", DefaultValueFactory = _ => 20 };
        var cache = new Option<string?>("--cache") { Description = "Feature cache folder (default: $MENTOR_CACHE, else the user's cache folder)" };
        var jsonLogs = new Option<bool>("--json-logs") { Description = "Write request logs as JSON lines" };
        maxBody.Validators.Add(r => { if (r.GetValueOrDefault<double>() is not (> 0 and <= 2048)) r.AddError("--max-body-size must be between 0 and 2048 MB."); });
        urls.Validators.Add(r =>
        {
            foreach (var url in r.GetValueOrDefault<string>().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                    r.AddError($"--urls: '{url}' is not an http:// address such as {StudioOptions.DefaultUrls}.");
        });
        var command = new Command("studio", "Teach a model in the browser: collect photos into classes, train, understand the mistakes, test live, export")
        {
            project, urls, maxBody, cache, jsonLogs,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var options = new StudioOptions
            {
                Urls = parse.GetValue(urls)!,
                MaxRequestBodyBytes = (long)(parse.GetValue(maxBody) * 1024 * 1024),
                CacheDirectory = parse.GetValue(cache),
                JsonLogs = parse.GetValue(jsonLogs),
            };
            var folder = parse.GetValue(project)!.FullName;
            await using (var app = StudioServer.Create(folder, options))
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
                    $"mentor: studio for {folder} on {string.Join(", ", app.Urls)}; open it in a browser; Ctrl+C stops")).ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellation).ConfigureAwait(false);
            }
            return MentorApp.Ok;
        });
        return command;
    }
}
