namespace Mentor.Training.Heads;

/// <summary>Seeded stratified k-fold assignment: each class's rows are shuffled, then dealt to folds in turn.</summary>
internal static class StratifiedFolds
{
    /// <summary>The fold (0..folds-1) of each row.</summary>
    public static int[] Assign(int[] labels, int classCount, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        if (labels.Length < folds)
        {
            throw new TrainingDataException(
                $"Cross-validation with {folds} folds needs at least {folds} rows, but there are {labels.Length}; add data or use fewer folds.");
        }
        var random = new Random(seed);
        var fold = new int[labels.Length];
        int next = 0;
        for (int c = 0; c < classCount; c++)
        {
            int[] rows = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            random.Shuffle(rows);
            // Continue dealing where the previous class stopped, so small classes don't all land in fold 0.
            foreach (int row in rows) fold[row] = next++ % folds;
        }
        return fold;
    }
}
