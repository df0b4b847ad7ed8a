using Mentor.Training.Heads;

namespace Mentor.Training.Tests.Heads;

/// <summary>
/// The memo of searched head settings: found again for exactly the same rows and fit options, missed for anything else,
/// and an entry that is not a setting reads as a miss.
/// </summary>
public sealed class HeadSettingMemoTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mentor-memo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static HeadTrainingData Data(float shift = 0) =>
        new([[1, 2, 3], [4, 5, 6 + shift], [7, 8, 9]], [0, 1, 1], 2) { ValidationFeatures = [[1, 1, 1]], ValidationTargets = [0] };

    [Fact]
    public void A_setting_is_found_for_the_same_rows_and_options_only()
    {
        var memo = new HeadSettingMemo(_directory);
        memo.Put("logistic", Data(), "C=0.03");

        Assert.Equal("C=0.03", new HeadSettingMemo(_directory).TryGet("logistic", Data()));
        Assert.Null(memo.TryGet("knn", Data()));
        Assert.Null(memo.TryGet("logistic", Data(shift: 1e-6f)));
        Assert.Null(memo.TryGet("logistic", Data() with { Seed = 43 }));
        Assert.Null(memo.TryGet("logistic", Data() with { Balance = true }));
        Assert.Null(memo.TryGet("logistic", Data() with { Transform = Models.FeatureTransform.None }));
        Assert.Null(memo.TryGet("logistic", Data() with { ValidationFeatures = null, ValidationTargets = null }));
        Assert.Null(memo.TryGet("logistic", Data() with { Targets = [0, 1, 0] }));
    }

    [Theory]
    [InlineData("")]
    [InlineData("C=")]
    [InlineData("C=0.03; rm -rf /")]
    [InlineData("\u0000\u0001garbage")]
    public void An_entry_that_is_not_a_setting_is_a_miss(string content)
    {
        var memo = new HeadSettingMemo(_directory);
        memo.Put("logistic", Data(), "C=0.03");
        File.WriteAllText(Assert.Single(Directory.GetFiles(Path.Combine(_directory, "head-settings"))), content);

        Assert.Null(memo.TryGet("logistic", Data()));
    }
}
