using Mentor.Features;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Mentor.Cli.Terminal;

/// <summary>A live progress bar for extractions: done/total, images per second, time left.</summary>
internal static class ProgressBars
{
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string description, int total, Func<IProgress<ExtractionProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new Progress(null)).ConfigureAwait(false);
        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
                new ImagesPerSecondColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                var result = await work(new Progress(task)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }

    private sealed class Progress(ProgressTask? task) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value)
        {
            if (task is not null) task.Value = value.Done;
        }
    }

    private sealed class CountColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup($"[grey]{task.Value:0}/{task.MaxValue:0}[/]");
    }

    private sealed class ImagesPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Markup(task.Speed is { } speed ? $"[cyan]{speed,6:F1} img/s[/]" : "[grey]     - img/s[/]");
    }
}
