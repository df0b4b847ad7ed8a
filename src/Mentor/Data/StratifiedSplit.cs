namespace Mentor.Data;

/// <summary>Seeded, stratified splits: every class is divided in the same proportion, the same way for the same seed.</summary>
public static class StratifiedSplit
{
    /// <summary>
    /// Splits <paramref name="dataset"/> into a training and a held-out part holding about
    /// <paramref name="heldOutFraction"/> of each class (at least one image of every class with two or more).
    /// </summary>
    public static (ImageFolderDataset Train, ImageFolderDataset HeldOut) Split(ImageFolderDataset dataset, double heldOutFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (heldOutFraction is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(heldOutFraction), heldOutFraction, "must be between 0 and 1 (exclusive)");

        var train = new List<LabeledImage>();
        var heldOut = new List<LabeledImage>();
        foreach (var group in dataset.Images.GroupBy(i => i.Label).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            // One generator per class, seeded from the seed and the label, so adding a class does not reshuffle the others.
            // (Not HashCode.Combine: it is randomised per process.)
            new Random(unchecked(seed * 1_000_003 + group.Key)).Shuffle(members);
            var take = members.Length < 2 ? 0 : Math.Clamp((int)Math.Round(members.Length * heldOutFraction), 1, members.Length - 1);
            heldOut.AddRange(members.Take(take));
            train.AddRange(members.Skip(take));
        }
        return (dataset.WithImages(Sorted(train)), dataset.WithImages(Sorted(heldOut)));
    }

    private static List<LabeledImage> Sorted(List<LabeledImage> images) =>
        images.OrderBy(i => i.Label).ThenBy(i => i.Path, StringComparer.Ordinal).ToList();
}
