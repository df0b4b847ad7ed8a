using Mentor.Training.Comparison;

namespace Mentor.Training.Tests.Comparison;

/// <summary>The samples behind every point of a comparison: stratified, seeded, and never a held-out photo.</summary>
public class FewShotSamplerTests
{
    private static readonly int[] Targets = [.. Enumerable.Range(0, 70).Select(i => i < 40 ? 0 : i < 65 ? 1 : 2)];

    [Fact]
    public void Every_class_gives_the_same_number_of_examples_or_all_it_has()
    {
        var rows = FewShotSampler.Sample(Targets, 3, perClass: 10, seed: 7);

        Assert.Equal([10, 10, 5], rows.GroupBy(r => Targets[r]).OrderBy(g => g.Key).Select(g => g.Count()));
        Assert.Equal(rows.Length, rows.Distinct().Count());
        Assert.Equal(rows.Order(), rows);
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_others()
    {
        var first = FewShotSampler.Sample(Targets, 3, 5, seed: 1);

        Assert.Equal(first, FewShotSampler.Sample(Targets, 3, 5, seed: 1));
        Assert.NotEqual(first, FewShotSampler.Sample(Targets, 3, 5, seed: 2));
    }

    [Fact]
    public void All_means_every_row()
    {
        Assert.Equal(Enumerable.Range(0, Targets.Length), FewShotSampler.Sample(Targets, 3, perClass: null, seed: 1));
    }

    [Theory]
    [InlineData("clothing-small")]
    [InlineData("sign-digits")]
    public void No_test_or_validation_photo_is_ever_in_a_training_sample(string name)
    {
        // Given a dataset with a test folder (clothing) and one that is split (sign digits)
        var dataset = Path.Combine(Tuning.PhotoFolders.DatasetsRoot, name);
        var options = new ComparisonOptions();
        var (train, validation, test) = ComparisonRunner.OpenSplits(dataset, options);
        var heldOut = test.Images.Concat(validation.Images).Select(i => i.Path).ToHashSet(StringComparer.Ordinal);

        // When samples are drawn for every shot count and repeat
        var targets = train.Images.Select(i => i.Label).ToArray();
        foreach (var shots in options.Shots)
            for (var repeat = 0; repeat < options.Repeats; repeat++)
            {
                var sample = FewShotSampler.Sample(targets, train.Labels.Count, shots, options.Seed + repeat);

                // Then none of the sampled photos is held out, and every class is in the sample
                Assert.DoesNotContain(sample, row => heldOut.Contains(train.Images[row].Path));
                Assert.Equal(train.Labels.Count, sample.Select(r => targets[r]).Distinct().Count());
            }
        Assert.True(test.Images.Count > 0 && validation.Images.Count > 0);
        Assert.Empty(train.Images.Select(i => i.Path).Intersect(heldOut));
    }
}
