using Mentor.Training.Comparison;

namespace Mentor.Training.Tests.Comparison;

/// <summary>The claims are measured against the strongest from-scratch baseline, and say so when only all the data matched it.</summary>
public class ClaimCalculatorTests
{
    private const double AllPerClass = 276.1;

    // Frozen features as measured on clothing-small (2026-12-03): 1, 5 and 20 examples per class, then the whole pool.
    private static MethodRuns Logistic() => new(ComparisonRunner.Logistic,
    [
        new(1, 1, [0.40, 0.45], [0.5, 0.5]),
        new(5, 5, [0.62, 0.63], [1.4, 1.6]),
        new(20, 20, [0.76, 0.78], [4.6, 4.8]),
        new(null, AllPerClass, [0.906], [60.9]),
    ]);

    private static MethodRuns Baseline(string method, double accuracy, double seconds) => new(method, [new(null, AllPerClass, [accuracy], [seconds])]);

    [Fact]
    public void A_strong_baseline_matched_only_with_all_the_data_is_a_time_claim_and_not_a_data_claim()
    {
        var claims = ClaimCalculator.From(
        [
            Logistic(),
            new(ComparisonRunner.FineTuned, [new(null, AllPerClass, [0.919], [659])]),
            Baseline(ComparisonRunner.SmallCnn, 0.839, 665),
            Baseline(ComparisonRunner.Scratch, 0.140, 694),
        ]);

        Assert.Equal(ComparisonRunner.SmallCnn, claims.Baseline);
        Assert.Equal(0.839, claims.ScratchAccuracy);
        Assert.Equal(277, claims.ShotsToMatch);
        Assert.True(claims.MatchNeedsAllData);
        Assert.Equal(ComparisonRunner.Logistic, claims.MatchingMethod);
        Assert.Equal(60.9, claims.TransferSeconds);
        Assert.Equal(665 / 60.9, claims.TimeRatio!.Value, 9);
    }

    [Fact]
    public void A_weak_baseline_is_matched_by_the_fewest_examples_whose_mean_reaches_it()
    {
        var claims = ClaimCalculator.From([Logistic(), Baseline(ComparisonRunner.Scratch, 0.60, 256)]);

        Assert.Equal(ComparisonRunner.Scratch, claims.Baseline);
        Assert.Equal(5, claims.ShotsToMatch);
        Assert.False(claims.MatchNeedsAllData);
        // The fastest single run at or above 0.60: the first 5-shot repeat.
        Assert.Equal(1.4, claims.TransferSeconds);
        Assert.Equal(256 / 1.4, claims.TimeRatio!.Value, 9);
    }

    [Fact]
    public void A_baseline_no_transfer_run_reaches_leaves_both_claims_empty()
    {
        var claims = ClaimCalculator.From([Logistic(), Baseline(ComparisonRunner.SmallCnn, 0.988, 255)]);

        Assert.Equal(ComparisonRunner.SmallCnn, claims.Baseline);
        Assert.Null(claims.ShotsToMatch);
        Assert.Null(claims.TransferSeconds);
        Assert.Null(claims.TimeRatio);
        Assert.False(claims.MatchNeedsAllData);
    }

    [Fact]
    public void Without_a_baseline_there_is_no_claim()
    {
        var claims = ClaimCalculator.From([Logistic()]);

        Assert.Null(claims.Baseline);
        Assert.Null(claims.ShotsToMatch);
        Assert.Null(claims.TimeRatio);
    }
}
