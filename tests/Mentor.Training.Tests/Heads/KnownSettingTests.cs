using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

/// <summary>
/// A setting an earlier fit chose, passed back in, is fitted with instead of searched: same data, same setting, the very
/// same head (the final fit does not start from the search's solution); a setting the kind cannot read is refused by name.
/// </summary>
[Collection(LibtorchCollection.Name)]
public sealed class KnownSettingTests(ConformanceData data) : IClassFixture<ConformanceData>
{
    [Theory]
    [InlineData("logistic")]
    [InlineData("knn")]
    public void A_known_setting_is_used_instead_of_searching_and_gives_the_searched_head(string kind)
    {
        var searched = HeadRegistry.Get(kind).Fit(Data());

        var kept = HeadRegistry.Get(kind).Fit(Data() with { KnownSetting = searched.Chosen });

        Assert.Equal(searched.Chosen, kept.Chosen);
        foreach (var row in data.Features)
            Assert.Equal(searched.Head.PredictProbabilities(row), kept.Head.PredictProbabilities(row));
    }

    [Fact]
    public void A_different_known_setting_gives_a_different_head()
    {
        var strong = HeadRegistry.Get("logistic").Fit(Data() with { KnownSetting = "C=0.0001" });
        var weak = HeadRegistry.Get("logistic").Fit(Data() with { KnownSetting = "C=100" });

        Assert.Equal("C=0.0001", strong.Chosen);
        Assert.Equal("C=100", weak.Chosen);
        Assert.True(strong.Head.PredictProbabilities(data.Features[0]).Max() < weak.Head.PredictProbabilities(data.Features[0]).Max(), "stronger L2 should give flatter probabilities");
    }

    [Theory]
    [InlineData("logistic", "k=5")]
    [InlineData("logistic", "C=-1")]
    [InlineData("logistic", "C=abc")]
    [InlineData("knn", "C=0.1")]
    public void A_setting_the_kind_cannot_read_is_refused_naming_it(string kind, string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => HeadRegistry.Get(kind).Fit(Data() with { KnownSetting = setting }));
        Assert.Contains(setting, error.Message);
    }

    private HeadTrainingData Data() => new(data.Features, data.Targets, ConformanceData.Labels.Length) { Seed = 7 };
}
