using Mentor.Data;
using Mentor.Sharding;

namespace Mentor.Tests.Sharding;

public sealed class ShardPartitionTests
{
    [Theory]
    [InlineData(1000, 16)]
    [InlineData(10, 4)]
    [InlineData(3, 5)]
    public void Every_image_lands_in_exactly_one_shard_and_sizes_differ_by_at_most_one(int images, int shards)
    {
        var dataset = Dataset("/data/a", images);

        var parts = Enumerable.Range(0, shards).Select(k => ShardPartition.Select(dataset, new ShardSpec(k, shards))).ToList();

        var all = parts.SelectMany(p => p.Select(i => i.Path)).ToList();
        Assert.Equal(images, all.Count);
        Assert.Equal(images, all.Distinct().Count());
        Assert.True(parts.Max(p => p.Count) - parts.Min(p => p.Count) <= 1);
    }

    [Fact]
    public void The_partition_depends_only_on_relative_paths_not_on_the_listing_order_or_the_mount_point()
    {
        var here = Dataset("/data/a", 200);
        var there = Dataset("/mnt/other/place", 200);
        var shuffled = here.WithImages(here.Images.OrderBy(i => i.Path.GetHashCode(StringComparison.Ordinal)).ToList());

        for (var k = 0; k < 7; k++)
        {
            var shard = new ShardSpec(k, 7);
            var expected = Relative(here, ShardPartition.Select(here, shard));
            Assert.Equal(expected.Order(), Relative(shuffled, ShardPartition.Select(shuffled, shard)).Order());
            Assert.Equal(expected, Relative(there, ShardPartition.Select(there, shard)));
        }
    }

    [Fact]
    public void Every_shard_gets_a_mix_of_the_classes()
    {
        var dataset = Dataset("/data/a", 400);

        var shard = ShardPartition.Select(dataset, new ShardSpec(3, 4));

        Assert.All(dataset.CountPerLabel().Select((_, label) => shard.Count(i => i.Label == label)), n => Assert.InRange(n, 10, 40));
    }

    [Theory]
    [InlineData("3/16", true, 3, 16)]
    [InlineData("0/1", true, 0, 1)]
    [InlineData("16/16", false, 0, 0)]
    [InlineData("-1/4", false, 0, 0)]
    [InlineData("3", false, 0, 0)]
    [InlineData("a/b", false, 0, 0)]
    public void Shard_specs_parse_as_k_of_n(string text, bool ok, int index, int count)
    {
        Assert.Equal(ok, ShardSpec.TryParse(text, out var shard));
        if (ok) Assert.Equal((index, count, $"shard-{index:D5}-of-{count:D5}.parquet"), (shard.Index, shard.Count, shard.FileName));
    }

    // 4 classes, images spread over them, under root.
    private static ImageFolderDataset Dataset(string root, int images) => new(root, ["a", "b", "c", "d"],
        Enumerable.Range(0, images).Select(i => new LabeledImage(Path.Combine(root, "abcd"[i % 4].ToString(), $"img{i:D5}.jpg"), i % 4)).ToList());

    private static List<string> Relative(ImageFolderDataset dataset, IEnumerable<LabeledImage> images) =>
        images.Select(i => ShardPartition.RelativePath(dataset.Root, i.Path)).ToList();
}
