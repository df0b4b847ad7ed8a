using Mentor.Training.Ranking;

namespace Mentor.Training.Tests.Ranking;

public sealed class KendallTauTests
{
    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 10, 20, 30, 40 }, 1.0)]
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 4, 3, 2, 1 }, -1.0)]
    // One swapped pair of six: (5 - 1) / 6.
    [InlineData(new double[] { 1, 2, 3, 4 }, new double[] { 1, 3, 2, 4 }, 4.0 / 6)]
    // Ties on both sides (scipy.stats.kendalltau's documented example): tau-b = -0.47140452079103173.
    [InlineData(new double[] { 12, 2, 1, 12, 2 }, new double[] { 1, 4, 7, 1, 0 }, -0.47140452079103173)]
    public void Tau_b_has_its_known_values(double[] x, double[] y, double expected) =>
        Assert.Equal(expected, KendallTau.TauB(x, y), 12);

    [Fact]
    public void All_ties_on_one_side_is_undefined() =>
        Assert.True(double.IsNaN(KendallTau.TauB([1, 2, 3], [5, 5, 5])));
}
