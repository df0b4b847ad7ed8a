using Mentor.Data;
using Mentor.Tests.Support;

namespace Mentor.Tests.Data;

public sealed class StratifiedSplitTests
{
    private static readonly ImageFolderDataset SignDigits = ImageFolderDataset.Open(SharedData.SignDigits);

    [Fact]
    public void The_same_seed_gives_the_same_split()
    {
        var (trainA, heldA) = StratifiedSplit.Split(SignDigits, 0.2, seed: 42);
        var (trainB, heldB) = StratifiedSplit.Split(SignDigits, 0.2, seed: 42);

        Assert.Equal(trainA.Images, trainB.Images);
        Assert.Equal(heldA.Images, heldB.Images);
    }

    [Fact]
    public void Another_seed_gives_another_split()
    {
        var (_, heldA) = StratifiedSplit.Split(SignDigits, 0.2, seed: 42);
        var (_, heldB) = StratifiedSplit.Split(SignDigits, 0.2, seed: 7);

        Assert.NotEqual(heldA.Images.Select(i => i.Path), heldB.Images.Select(i => i.Path));
    }

    [Fact]
    public void Every_class_is_split_in_the_same_proportion_and_no_image_is_lost_or_shared()
    {
        var (train, heldOut) = StratifiedSplit.Split(SignDigits, 0.2, seed: 42);

        var all = SignDigits.CountPerLabel();
        var held = heldOut.CountPerLabel();
        for (var label = 0; label < all.Length; label++)
            Assert.InRange(held[label], (int)Math.Floor(all[label] * 0.2), (int)Math.Ceiling(all[label] * 0.2));
        Assert.Equal(SignDigits.Images.Count, train.Images.Count + heldOut.Images.Count);
        Assert.Empty(train.Images.Select(i => i.Path).Intersect(heldOut.Images.Select(i => i.Path)));
        Assert.Equal(SignDigits.Labels, heldOut.Labels);
    }

    [Fact]
    public void A_tiny_class_keeps_at_least_one_image_on_each_side()
    {
        var tiny = SignDigits.WithImages(SignDigits.Images.Where(i => i.Label > 0 || i.Path.EndsWith("0.JPG", StringComparison.Ordinal)).ToList());
        var classZero = tiny.CountPerLabel()[0];
        Assert.InRange(classZero, 2, 30);

        var (train, heldOut) = StratifiedSplit.Split(tiny, 0.01, seed: 1);

        Assert.Equal(1, heldOut.CountPerLabel()[0]);
        Assert.Equal(classZero - 1, train.CountPerLabel()[0]);
    }
}
