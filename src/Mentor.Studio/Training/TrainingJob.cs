using System.Diagnostics;
using Mentor.Studio.Projects;
using Mentor.Training;

namespace Mentor.Studio.Training;

/// <summary>
/// Trains the project's model in the background, one run at a time: the held-out split, featurising (cached), the
/// logistic head, the model file (<c>.mentor-studio/model.onnx</c>), the report (kept in the state file) and the swap
/// of the live model. <see cref="Status"/> is what the page streams.
/// </summary>
public sealed partial class TrainingJob(StudioProject project, StudioOptions options, ComputeGate gate, LiveModel live, ILogger<TrainingJob> logger)
{
    private readonly Lock _lock = new();
    private TrainingStatus _status = TrainingStatus.Idle;
    private Task _running = Task.CompletedTask;

    public string ModelPath => Path.Combine(project.StudioFolder, "model.onnx");

    public TrainingStatus Status
    {
        get { lock (_lock) return _status; }
    }

    /// <summary>Starts a run unless one is running; returns whether it started.</summary>
    public bool TryStart(CancellationToken stopping)
    {
        lock (_lock)
        {
            if (_status.State == "running") return false;
            _status = new TrainingStatus("running", "waiting", 0, 0, 0, null, _status.Run + 1);
            _running = Task.Run(() => RunAsync(stopping), CancellationToken.None);
            return true;
        }
    }

    /// <summary>Completes when the current run (if any) has ended.</summary>
    public Task Completion
    {
        get { lock (_lock) return _running; }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            TrainingReport report;
            using (await gate.EnterAsync(stopping).ConfigureAwait(false))
            {
                var trainer = new ClassifierTrainer(new ClassifierTrainingOptions
                {
                    TestFraction = options.HeldOutFraction, Seed = options.Seed, CacheDirectory = options.CacheDirectory,
                });
                var progress = new StatusProgress(this, clock);
                var trained = await trainer.FitAsync(project.Root, progress: progress, cancellation: stopping).ConfigureAwait(false);
                Set("save", 0, 0, clock);
                trained.Save(ModelPath);
                report = Reports.From(trained, project.Root, clock.Elapsed.TotalSeconds);
            }
            project.State.Write(project.State.Read() with { LastTraining = report });
            live.Load(ModelPath);
            Finish("done", null, clock);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Finish("failed", "the studio stopped during training", clock);
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

    private void Finish(string state, string? message, Stopwatch clock)
    {
        lock (_lock) _status = _status with { State = state, Phase = null, Message = message, Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2) };
    }

    private sealed class StatusProgress(TrainingJob job, Stopwatch clock) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) =>
            job.Set(value.Phase, value.Extraction?.Done ?? 0, value.Extraction?.Total ?? 0, clock);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "training failed")]
    private static partial void LogFailed(ILogger logger, Exception error);
}
