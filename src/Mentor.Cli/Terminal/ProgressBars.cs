using Mentor.Features;
using Mentor.Training;
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

    /// <summary>
    /// One bar per phase (train, validation, test featurising; fine-tuning views), each added when its phase starts, then
    /// one per fine-tuning epoch whose label ends with its loss and validation accuracy. Without a terminal, finished
    /// epochs are written to <paramref name="log"/> as lines.
    /// </summary>
    public static async Task<T> RunTrainingAsync<T>(IAnsiConsole console, TextWriter log, Func<IProgress<TrainingProgress>, Task<T>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
            return await work(new PhaseProgress(null, log)).ConfigureAwait(false);
        return await Configure(console.Progress()).StartAsync(async context =>
        {
            var reporter = new PhaseProgress(context, null);
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

    private sealed class PhaseProgress(ProgressContext? context, TextWriter? log) : IProgress<TrainingProgress>
    {
        private readonly Dictionary<string, ProgressTask> _tasks = [];
        private readonly object _gate = new();

        public void Report(TrainingProgress value)
        {
            if (value.FineTune is { Completed: { } epoch } tuning && log is not null)
                log.WriteLine(EpochLine(value.Phase, epoch, tuning.Epochs));
            if (context is null) return;
            if (value.FineTune is { Phase: "epoch" } progress)
            {
                lock (_gate)
                {
                    var task = Bar($"{value.Phase}, epoch {progress.Epoch}{Of(progress.Epochs)}", progress.Total);
                    task.Value = progress.Done;
                    task.Description = progress.Completed is { } done ? EpochLine(value.Phase, done, progress.Epochs)
                        : FormattableString.Invariant($"{value.Phase}, epoch {progress.Epoch}{Of(progress.Epochs)} loss {progress.Loss:F3}");
                }
                return;
            }
            if (value.Extraction is not { } extraction) return;
            lock (_gate) Bar(value.FineTune is { } views ? $"{value.Phase}: {views.Phase}" : value.Phase, extraction.Total).Value = extraction.Done;
        }

        // "fine-tune, epoch 3/10 loss 0.431 validation 0.9120 (best) 38 s, 75.1 img/s"; a run bounded by time alone has no "/10".
        private static string EpochLine(string run, Training.Tuning.EpochReport epoch, int epochs) => FormattableString.Invariant(
            $"{run}, epoch {epoch.Epoch}{Of(epochs)} loss {epoch.TrainLoss:F3}{ValidationPart(epoch)} {epoch.Seconds:F0} s, {epoch.ImagesPerSecond:F1} img/s");

        private static string Of(int epochs) => epochs > 0 ? $"/{epochs}" : "";

        private static string ValidationPart(Training.Tuning.EpochReport epoch) => epoch.ValidationAccuracy is not { } accuracy ? ""
            : FormattableString.Invariant($" validation {accuracy:F4}{(epoch.Best ? " (best)" : "")}");

        // The bar for a phase, added (and the previous ones completed) when the phase starts.
        private ProgressTask Bar(string phase, int total)
        {
            if (_tasks.TryGetValue(phase, out var task)) return task;
            foreach (var previous in _tasks.Values) previous.Value = previous.MaxValue;
            return _tasks[phase] = context!.AddTask(phase, maxValue: Math.Max(1, total));
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
