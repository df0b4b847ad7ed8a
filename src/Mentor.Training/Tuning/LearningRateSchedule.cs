namespace Mentor.Training.Tuning;

/// <summary>
/// A multiplier of the peak learning rate: linear warm-up from zero over the first steps, then cosine decay to zero
/// as training progresses (by steps, or by elapsed time under a time budget).
/// </summary>
/// <param name="warmupSteps">Steps over which the multiplier rises linearly towards 1; 0: no warm-up.</param>
/// <param name="totalSteps">Steps in the whole run, where the cosine reaches 0.</param>
public sealed class LearningRateSchedule(int warmupSteps, int totalSteps)
{
    /// <summary>The multiplier (0..1) for step <paramref name="step"/> (0-based), progress measured in steps.</summary>
    public double At(int step) => At(step, 0);

    /// <summary>
    /// The multiplier for step <paramref name="step"/> when <paramref name="timeProgress"/> (0..1) of a time budget has
    /// passed: the decay follows whichever of steps and time is further along.
    /// </summary>
    public double At(int step, double timeProgress)
    {
        if (step < warmupSteps) return (step + 1.0) / (warmupSteps + 1.0);
        var decaySteps = Math.Max(1, totalSteps - warmupSteps);
        var progress = Math.Clamp(Math.Max((step - warmupSteps) / (double)decaySteps, timeProgress), 0, 1);
        return 0.5 * (1 + Math.Cos(Math.PI * progress));
    }
}
