namespace Mentor.Training.Comparison;

/// <summary>Derives the <see cref="ClaimFigures"/> from the measured runs.</summary>
internal static class ClaimCalculator
{
    public static ClaimFigures From(IReadOnlyList<MethodRuns> methods)
    {
        // The strongest baseline: the highest test accuracy any network trained from random weights reached.
        var strongest = methods.Where(m => ComparisonRunner.BaselineMethods.Contains(m.Method) && m.Shots.Count > 0)
            .OrderByDescending(m => m.Shots[0].MeanAccuracy).FirstOrDefault();
        if (strongest is null) return new ClaimFigures(null, null, null, null, null, null, null);
        var scratch = strongest.Shots[0];
        var target = scratch.MeanAccuracy;
        var transfer = methods.Where(m => !ComparisonRunner.BaselineMethods.Contains(m.Method)).ToList();
        // Fewest examples per class whose mean accuracy reaches the target, over every transfer method.
        var match = transfer
            .SelectMany(m => m.Shots.Select(s => (m.Method, Shot: s)))
            .Where(x => x.Shot.MeanAccuracy >= target)
            .OrderBy(x => x.Shot.ExamplesPerClass)
            .FirstOrDefault();
        // Fewest training seconds of any single transfer run that reached the target.
        var fastest = transfer
            .SelectMany(m => m.Shots.SelectMany(s => s.Accuracies.Zip(s.Seconds)))
            .Where(r => r.First >= target)
            .Select(r => (double?)r.Second)
            .Min();
        var scratchSeconds = scratch.MeanSeconds;
        return new ClaimFigures(strongest.Method, target, scratchSeconds,
            match.Shot is null ? null : match.Shot.Shots ?? (int)Math.Ceiling(match.Shot.ExamplesPerClass), match.Method,
            fastest, fastest is > 0 ? scratchSeconds / fastest : null, match.Shot is { Shots: null });
    }
}
