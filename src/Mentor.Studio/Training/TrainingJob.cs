using System.Diagnostics;
using Mentor.Studio.Projects;
using Mentor.Training;

namespace Mentor.Studio.Training;

/// <summary>
/// Trains the project's model in the background, one run at a time: the held-out split, featurising (cached), the
/// logistic head, optionally fine-tuning the backbone's top stage, the model file (<c>.mentor-studio/model.onnx</c>),
/// the report (kept in the state file) and the swap of the live model. <see cref="Status"/> is what the page streams.
/// A cancelled or failed run leaves the last model, its report and the live model as they were.
/// </summary>
public sealed partial class TrainingJob(
    StudioProject project, StudioOptions options, ComputeGate gate, BackgroundFeaturizer features, LiveModel live, ILogger<TrainingJob> logger)
{
    private readonly Lock _lock = new();
    private TrainingStatus _status = TrainingStatus.Idle;
    private Task _running = Task.CompletedTask;
    private CancellationTokenSource? _cancel;

    public string ModelPath => Path.Combine(project.StudioFolder, "model.onnx");

    public TrainingStatus Status
    {
        get { lock (_lock) return _status; }
    }

    /// <summary>Starts a run unless one is running; returns whether it started.</summary>
    /// <param name="fineTune">Fine-tune the backbone's top stage after the head (minutes instead of seconds).</param>
    /// <param name="stopping">The studio's shutdown.</param>
    public bool TryStart(bool fineTune, CancellationToken stopping)
    {
        lock (_lock)
        {
            if (_status.State == "running") return false;
            _cancel?.Dispose();
            _cancel = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _status = new TrainingStatus("running", "waiting", 0, 0, 0, null, _status.Run + 1, fineTune, []);
            var token = _cancel.Token;
            _running = Task.Run(() => RunAsync(fineTune, token, stopping), CancellationToken.None);
            return true;
        }
    }

    /// <summary>Asks the running run to stop; returns false when none runs.</summary>
    public bool Cancel()
    {
        lock (_lock)
        {
            if (_status.State != "running") return false;
            _cancel!.Cancel();
            return true;
        }
    }

    /// <summary>Completes when the current run (if any) has ended.</summary>
    public Task Completion
    {
        get { lock (_lock) return _running; }
    }

    private async Task RunAsync(bool fineTune, CancellationToken cancellation, CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            TrainingReport report;
            // Photos still queued for features are featurised first, by the session the studio already has.
            if (options.BackgroundFeatures) await features.DrainAsync((done, total) => Set("features", done, total, clock), cancellation).ConfigureAwait(false);
            using (await gate.EnterAsync(cancellation).ConfigureAwait(false))
            {
                var last = project.State.Read().LastTraining;
                var kept = KeptSetting.For(last, project.Classes());
                var trainer = new ClassifierTrainer(new ClassifierTrainingOptions
                {
                    TestFraction = options.HeldOutFraction, Seed = options.Seed, CacheDirectory = options.CacheDirectory, HeadSetting = kept,
                    FineTune = fineTune ? options.FineTune : null,
                });
                var progress = new StatusProgress(this, clock);
                var trained = await trainer.FitAsync(project.Root, progress: progress, cancellation: cancellation).ConfigureAwait(false);
                Set("save", 0, 0, clock);
                trained.Save(ModelPath);
                report = Reports.From(trained, project.Root, clock.Elapsed.TotalSeconds, kept is null ? null : last);
            }
            Set("report", 0, 0, clock);
            project.State.Write(project.State.Read() with { LastTraining = report });
            Set("load", 0, 0, clock);
            live.Load(ModelPath);
            Finish("done", null, clock);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Finish("failed", "the studio stopped during training", clock);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Finish("cancelled", "cancelled; the last model is still the one in use", clock);
        }
        catch (MentorException e)
        {
            Finish("failed", e.Message, clock);
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
            Finish("failed", $"training failed unexpectedly ({e.GetType().Name}: {e.Message}); the details are in the studio's log", clock);
        }
    }

    private void Set(string phase, int done, int total, Stopwatch clock)
    {
        lock (_lock) _status = _status with { Phase = phase, Done = done, Total = total, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
    }

    private void AddEpoch(EpochPoint epoch)
    {
        lock (_lock) _status = _status with { Epochs = [.. _status.Epochs ?? [], epoch] };
    }

    private void Finish(string state, string? message, Stopwatch clock)
    {
        lock (_lock) _status = _status with { State = state, Phase = null, Done = 0, Total = 0, Message = message, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
    }

    private sealed class StatusProgress(TrainingJob job, Stopwatch clock) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            if (value.FineTune is not { } tune)
            {
                job.Set(value.Phase, value.Extraction?.Done ?? 0, value.Extraction?.Total ?? 0, clock);
                return;
            }
            if (tune.Extraction is { } extraction) job.Set("fine-tune", extraction.Done, extraction.Total, clock);
            else job.Set("fine-tune", tune.Done, tune.Total, clock);
            if (tune.Completed is { } epoch)
                job.AddEpoch(new EpochPoint(epoch.Epoch, Math.Round(epoch.TrainLoss, 4), epoch.ValidationAccuracy is { } a ? Math.Round(a, 4) : null,
                    Math.Round(epoch.ElapsedSeconds, 1), epoch.Best));
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "training failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
