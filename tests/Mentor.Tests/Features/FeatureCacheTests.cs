using Mentor.Features;
using Mentor.Tests.Support;

namespace Mentor.Tests.Features;

public sealed class FeatureCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly FeatureCache _cache;
    private readonly FeatureKey _key = new("0123456789abcdef", FeatureKey.HashContent("some image bytes"u8));
    private readonly float[] _vector = Enumerable.Range(0, 512).Select(i => i * 0.5f - 7).ToArray();

    public FeatureCacheTests() => _cache = new FeatureCache(_temp.Path);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_stored_vector_reads_back_exactly()
    {
        _cache.Put(_key, _vector);

        var read = new float[512];
        Assert.True(_cache.TryGet(_key, read));
        Assert.Equal(_vector, read);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_cache.PathFor(_key))!, "*.tmp"));
    }

    [Fact]
    public void A_missing_entry_is_a_miss() => Assert.False(_cache.TryGet(_key, new float[512]));

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("empty")]
    [InlineData("wrong-length")]
    public void A_damaged_entry_is_a_miss_and_the_next_write_repairs_it(string damage)
    {
        _cache.Put(_key, _vector);
        var path = _cache.PathFor(_key);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "flip": bytes[100] ^= 0x40; File.WriteAllBytes(path, bytes); break;
            case "truncate": File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]); break;
            case "empty": File.WriteAllBytes(path, []); break;
        }
        var length = damage == "wrong-length" ? 256 : 512;

        Assert.False(_cache.TryGet(_key, new float[length]));

        _cache.Put(_key, _vector);
        var read = new float[512];
        Assert.True(_cache.TryGet(_key, read));
        Assert.Equal(_vector, read);
    }

    [Fact]
    public void Keys_depend_on_backbone_preprocessing_and_bytes_only()
    {
        var a = FeatureKey.NamespaceFor("resnet18:sha256:aa", "size=224");
        Assert.Equal(a, FeatureKey.NamespaceFor("resnet18:sha256:aa", "size=224"));
        Assert.NotEqual(a, FeatureKey.NamespaceFor("resnet18:sha256:ab", "size=224"));
        Assert.NotEqual(a, FeatureKey.NamespaceFor("resnet18:sha256:aa", "size=256"));
        Assert.NotEqual(FeatureKey.HashContent([1, 2, 3]), FeatureKey.HashContent([1, 2, 4]));
    }

    [Fact]
    public void Many_writers_and_readers_at_once_never_see_a_partial_entry()
    {
        var vectors = Enumerable.Range(0, 4).Select(v => Enumerable.Range(0, 512).Select(i => (float)(v * 1000 + i)).ToArray()).ToArray();
        var torn = 0;

        Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var cache = new FeatureCache(_temp.Path); // separate instances, as separate processes would have
            if (i % 2 == 0)
            {
                cache.Put(_key, vectors[i % 4]);
                return;
            }
            var read = new float[512];
            if (cache.TryGet(_key, read) && !vectors.Any(v => v.SequenceEqual(read))) Interlocked.Increment(ref torn);
        });

        Assert.Equal(0, torn);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(_cache.PathFor(_key))!));
    }
}
