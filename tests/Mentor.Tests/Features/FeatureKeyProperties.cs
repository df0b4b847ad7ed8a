using CsCheck;
using Mentor.Features;
using Mentor.Imaging;
using Mentor.Tests.Support;

namespace Mentor.Tests.Features;

/// <summary>The feature cache is content-addressed: its key and file come from the bytes read, never from the path.</summary>
public sealed class FeatureKeyProperties
{
    private static readonly string Namespace = FeatureKey.NamespaceFor("resnet18@0123", "crop1-224");

    [Fact]
    public void The_same_bytes_under_two_paths_give_one_key_and_any_changed_byte_a_new_one()
    {
        using var temp = new TempDirectory();
        var cache = new FeatureCache(Path.Combine(temp.Path, "cache"));
        var bytesAndChange = Gen.Byte.Array[1, 300].SelectMany(bytes => Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte[1, 255], (at, flip) => (bytes, at, flip)));
        bytesAndChange.Sample(c =>
        {
            var sample = Path.Combine(temp.Path, Guid.NewGuid().ToString("N")); // samples run on several threads
            var here = Path.Combine(sample, "a", "photo.jpg");
            var there = Path.Combine(sample, "b", "copy of photo.png");
            Directory.CreateDirectory(Path.GetDirectoryName(here)!);
            Directory.CreateDirectory(Path.GetDirectoryName(there)!);
            File.WriteAllBytes(here, c.bytes);
            File.WriteAllBytes(there, c.bytes);
            var key = Key(here);
            Assert.Equal(key, Key(there));
            Assert.Equal(cache.PathFor(key), cache.PathFor(Key(there)));

            var changed = (byte[])c.bytes.Clone();
            changed[c.at] ^= c.flip;
            File.WriteAllBytes(there, changed);
            Assert.NotEqual(key.ContentHash, Key(there).ContentHash);
            Assert.NotEqual(cache.PathFor(key), cache.PathFor(Key(there)));
        }, iter: 200);
    }

    [Fact]
    public void Another_backbone_or_preprocessing_gives_another_namespace()
    {
        Gen.Select(Gen.String[1, 20], Gen.String[1, 20], (identity, preprocessing) => (identity, preprocessing)).Sample(c =>
        {
            var ns = FeatureKey.NamespaceFor(c.identity, c.preprocessing);
            Assert.Equal(ns, FeatureKey.NamespaceFor(c.identity, c.preprocessing));
            Assert.NotEqual(ns, FeatureKey.NamespaceFor(c.identity + "x", c.preprocessing));
            Assert.NotEqual(ns, FeatureKey.NamespaceFor(c.identity, c.preprocessing + "x"));
        });
    }

    private static FeatureKey Key(string path) => new(Namespace, FeatureKey.HashContent(ImageFile.Read(path)));
}
