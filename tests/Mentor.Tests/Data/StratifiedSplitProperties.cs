using CsCheck;
using Mentor.Data;

namespace Mentor.Tests.Data;

/// <summary>Properties of <see cref="StratifiedSplit"/> over random datasets (2-6 classes of 0-40 images), fractions and seeds.</summary>
public sealed class StratifiedSplitProperties
{
    private static readonly Gen<(ImageFolderDataset Dataset, double Fraction, int Seed)> Cases =
        Gen.Select(Gen.Int[0, 40].Array[2, 6], Gen.Double[0.05, 0.95], Gen.Int, (counts, fraction, seed) => (Dataset(counts), fraction, seed));

    [Fact]
    public void The_parts_are_disjoint_and_together_hold_every_image_once()
    {
        Cases.Sample(c =>
        {
            var (train, heldOut) = StratifiedSplit.Split(c.Dataset, c.Fraction, c.Seed);
            Assert.Empty(train.Images.Select(i => i.Path).Intersect(heldOut.Images.Select(i => i.Path)));
            Assert.Equal(c.Dataset.Images.OrderBy(i => i.Path, StringComparer.Ordinal), train.Images.Concat(heldOut.Images).OrderBy(i => i.Path, StringComparer.Ordinal));
        });
    }

    [Fact]
    public void Every_class_of_two_or_more_is_held_out_within_one_image_of_its_fraction_keeping_one_on_each_side()
    {
        Cases.Sample(c =>
        {
            var heldOut = StratifiedSplit.Split(c.Dataset, c.Fraction, c.Seed).HeldOut.CountPerLabel();
            var all = c.Dataset.CountPerLabel();
            for (var label = 0; label < all.Length; label++)
            {
                if (all[label] < 2)
                {
                    Assert.Equal(0, heldOut[label]);
                    continue;
                }
                Assert.InRange(heldOut[label], 1, all[label] - 1);
                Assert.True(Math.Abs(heldOut[label] - all[label] * c.Fraction) < 1, $"class {label}: {heldOut[label]} of {all[label]} held out for {c.Fraction}");
            }
        });
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_a_new_class_leaves_the_others_split_as_before()
    {
        Cases.Sample(c =>
        {
            var first = StratifiedSplit.Split(c.Dataset, c.Fraction, c.Seed);
            var again = StratifiedSplit.Split(c.Dataset, c.Fraction, c.Seed);
            Assert.Equal(first.HeldOut.Images, again.HeldOut.Images);
            Assert.Equal(first.Train.Images, again.Train.Images);

            var classes = c.Dataset.Labels.Count;
            var grown = Dataset([.. c.Dataset.CountPerLabel(), 7]);
            var grownHeldOut = StratifiedSplit.Split(grown, c.Fraction, c.Seed).HeldOut.Images.Where(i => i.Label < classes);
            Assert.Equal(first.HeldOut.Images, grownHeldOut);
        });
    }

    private static ImageFolderDataset Dataset(int[] counts)
    {
        var labels = counts.Select((_, c) => $"class{c}").ToList();
        var images = counts.SelectMany((n, c) => Enumerable.Range(0, n).Select(i => new LabeledImage($"/data/class{c}/{i:D3}.jpg", c))).ToList();
        return new ImageFolderDataset("/data", labels, images);
    }
}
