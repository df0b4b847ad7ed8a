namespace Mentor.Reports.Tests;

public sealed class ShotResultTests
{
    [Fact]
    public void Mean_and_population_standard_deviation_are_over_the_repeats()
    {
        var point = new ShotResult(5, false, [0.5, 0.7, 0.9], [2, 4]);

        Assert.Equal(0.7, point.MeanAccuracy, 12);
        Assert.Equal(Math.Sqrt(0.08 / 3), point.StdAccuracy, 12);
        Assert.Equal(3, point.MeanSeconds, 12);
    }

    [Fact]
    public void One_repeat_has_no_spread_and_no_repeat_has_no_mean()
    {
        Assert.Equal(0, new ShotResult(1, false, [0.4], []).StdAccuracy);
        var empty = new ShotResult(1, false, [], []);
        Assert.True(double.IsNaN(empty.MeanAccuracy));
        Assert.True(double.IsNaN(empty.StdAccuracy));
        Assert.True(double.IsNaN(empty.MeanSeconds));
    }
}
