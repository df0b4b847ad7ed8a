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
        return await Configure(console.Progress())
            .StartAsync(async context =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                var result = await work(new Progress(task)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }

    /// <summary>One bar per phase (train, validation, test featurising), each added when its phase starts.</summary>
    public static async Task<T> RunPhasesAsync<T>(IAnsiConsole console, Func<IProgress<(string Phase, ExtractionProgress? Extraction)>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new PhaseProgress(null)).ConfigureAwait(false);
        return await Configure(console.Progress()).StartAsync(async context =>
        {
            var reporter = new PhaseProgress(context);
            var result = await work(reporter).ConfigureAwait(false);
            reporter.CompleteAll();
            return result;
        }).ConfigureAwait(false);
    }

    private static Spectre.Console.Progress Configure(Spectre.Console.Progress progress) => progress
        .AutoClear(false)
        .HideCompleted(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
            new ImagesPerSecondColumn(), new RemainingTimeColumn());

    private sealed class PhaseProgress(ProgressContext? context) : IProgress<(string Phase, ExtractionProgress? Extraction)>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly object _gate = new();

        public void Report((string Phase, ExtractionProgress? Extraction) value)
        {
            if (context is null || value.Extraction is not { } extraction) return;
            lock (_gate)
            {
                if (!_tasks.TryGetValue(value.Phase, out var task))
                {
                    foreach (var previous in _tasks.Values) previous.Value = previous.MaxValue;
                    _tasks[value.Phase] = task = context.AddTask(value.Phase, maxValue: Math.Max(1, extraction.Total));
                }
                task.Value = extraction.Done;
            }
        }

        public void CompleteAll()
        {
            lock (_gate) foreach (var task in _tasks.Values) task.Value = task.MaxValue;
        }
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
