using Mentor.Training.Ranking;

namespace Mentor.Training.Tests.Ranking;

public sealed class KnnLeaveOneOutTests
{
    // Angles 0, 11.3, 78.7 (a class-0 stray), 90 and 84.3 degrees: only direction counts (cosine).
    private static readonly float[][] Points = [[1, 0], [1, 0.2f], [0.2f, 1], [0, 2], [0.1f, 1]];
    private static readonly int[] Labels = [0, 0, 0, 1, 1];

    [Theory]
    // k = 1: the stray's nearest is point 4 (wrong), point 4's nearest is the stray (wrong): 3 of 5.
    [InlineData(new[] { 1 }, 0.6, 1)]
    // k = 3: the stray, point 3 and point 4 are all outvoted: 2 of 5.
    [InlineData(new[] { 3 }, 0.4, 3)]
    // Both tried: the better one; counts above rows - 1 are dropped.
    [InlineData(new[] { 3, 1, 9 }, 0.6, 1)]
    public void Each_point_is_classified_by_the_others(int[] counts, double accuracy, int k)
    {
        var score = KnnLeaveOneOut.Score(Points, Labels, 2, counts);

        Assert.Equal(accuracy, score.Accuracy, 12);
        Assert.Equal(k, score.K);
    }

    [Fact]
    public void Equally_similar_neighbours_are_taken_in_row_order()
    {
        // Given a query with two neighbours at the same cosine (0.6), the first of them of another class
        float[][] points = [[1, 0], [0.6f, 0.8f], [0.6f, -0.8f]];
        int[] labels = [0, 1, 0];

        // When each is classified by its single nearest other row
        var score = KnnLeaveOneOut.Score(points, labels, 2, [1]);

        // Then row 0 takes row 1 (wrong); rows 1 and 2 both take row 0 (wrong, right): 1 of 3, every time
        Assert.Equal(1.0 / 3, score.Accuracy, 12);
    }
}
