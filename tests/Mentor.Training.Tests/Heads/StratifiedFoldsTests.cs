using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

public class StratifiedFoldsTests
{
    [Fact]
    public void Every_class_is_spread_evenly_over_the_folds()
    {
        // Given skewed classes
        int[] labels = [.. Enumerable.Repeat(0, 53), .. Enumerable.Repeat(1, 21), .. Enumerable.Repeat(2, 7)];

        // When assigned to 5 folds
        int[] folds = StratifiedFolds.Assign(labels, classCount: 3, folds: 5, seed: 1);

        // Then each class's rows per fold differ by at most one, and fold sizes too
        for (int c = 0; c < 3; c++)
        {
            var perFold = Enumerable.Range(0, 5).Select(f => labels.Where((l, i) => l == c && folds[i] == f).Count()).ToArray();
            Assert.True(perFold.Max() - perFold.Min() <= 1, $"class {c}: {string.Join(",", perFold)}");
        }
        var sizes = Enumerable.Range(0, 5).Select(f => folds.Count(g => g == f)).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1);
    }

    [Fact]
    public void The_assignment_depends_only_on_the_seed()
    {
        int[] labels = [.. Enumerable.Range(0, 100).Select(i => i % 4)];

        Assert.Equal(StratifiedFolds.Assign(labels, 4, 5, 3), StratifiedFolds.Assign(labels, 4, 5, 3));
        Assert.NotEqual(StratifiedFolds.Assign(labels, 4, 5, 3), StratifiedFolds.Assign(labels, 4, 5, 4));
    }
}
