using Mentor.Studio.Projects;
using Mentor.Studio.Training;

namespace Mentor.Studio.Tests.Training;

/// <summary>When a run keeps the last run's head setting instead of searching: same classes, photo count within 10% of the searched run's.</summary>
public sealed class KeptSettingTests
{
    private static readonly ClassInfo[] Searched = [new("hat", 500), new("shoes", 500)];

    [Theory]
    [InlineData(500, 500, true)]   // relabelled or nothing changed
    [InlineData(510, 500, true)]   // ten photos added
    [InlineData(550, 550, true)]   // +10% exactly
    [InlineData(551, 550, false)]  // over 10%: search again
    [InlineData(450, 450, true)]   // -10%
    [InlineData(449, 450, false)]
    public void The_setting_is_kept_while_the_photo_count_stays_within_a_tenth(int hats, int shoes, bool kept)
    {
        var last = Report(Searched, "C=0.03");

        var setting = KeptSetting.For(last, [new("hat", hats), new("shoes", shoes)]);

        Assert.Equal(kept ? "C=0.03" : null, setting);
    }

    [Fact]
    public void A_class_added_or_renamed_or_no_earlier_run_means_a_search()
    {
        var last = Report(Searched, "C=0.03");

        Assert.Null(KeptSetting.For(last, [.. Searched, new("bag", 3)]));
        Assert.Null(KeptSetting.For(last, [new("cap", 500), new("shoes", 500)]));
        Assert.Null(KeptSetting.For(null, Searched));
        Assert.Equal("C=0.03", KeptSetting.For(last, [.. Searched, new("empty", 0)])); // a class without photos is not trained on
    }

    [Fact]
    public void A_kept_setting_is_measured_against_the_run_that_searched_it_not_the_last_one()
    {
        // Three runs each 6% larger than the one before: the third is 12% over the search and searches again.
        var searched = Report(Searched, "C=0.03");
        var second = searched with { TrainPhotos = 1060, Searched = false };

        Assert.Equal("C=0.03", KeptSetting.For(second, [new("hat", 530), new("shoes", 530)]));
        Assert.Null(KeptSetting.For(second, [new("hat", 562), new("shoes", 562)]));
    }

    private static TrainingReport Report(IReadOnlyList<ClassInfo> classes, string chosen)
    {
        var photos = classes.Sum(c => c.Photos);
        return new TrainingReport(DateTimeOffset.UtcNow, 1, photos, 0, 0, 0.2, 42, chosen, Searched: true, SearchedOnPhotos: photos,
            [.. classes.Select(c => c.Name)], null, null, null, [], [], [], [], []);
    }
}
