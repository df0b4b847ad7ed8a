namespace Mentor.Training.Comparison;

/// <summary>
/// Seeded, stratified samples of a labelled pool: the same number of examples from every class (all of a class
/// that has fewer), the same rows for the same seed. Drawn from the training pool only, so no held-out photo can be picked.
/// </summary>
public static class FewShotSampler
{
    /// <summary>Row indices into <paramref name="targets"/>: <paramref name="perClass"/> per class (null: every row), ascending.</summary>
    public static int[] Sample(IReadOnlyList<int> targets, int classCount, int? perClass, int seed)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (perClass is null) return [.. Enumerable.Range(0, targets.Count)];
        ArgumentOutOfRangeException.ThrowIfLessThan(perClass.Value, 1, nameof(perClass));
        var rows = new List<int>();
        for (var label = 0; label < classCount; label++)
        {
            var members = Enumerable.Range(0, targets.Count).Where(i => targets[i] == label).ToArray();
            // One generator per class (seed and label), so the sample of one class does not depend on the others.
            new Random(unchecked(seed * 1_000_003 + label)).Shuffle(members);
            rows.AddRange(members.Take(perClass.Value));
        }
        rows.Sort();
        return [.. rows];
    }
}
