using BenchmarkDotNet.Attributes;
using Mentor.Features;

namespace Mentor.Bench;

/// <summary>Cost of one cache hit and one cache write (512 floats), the warm path's unit of work.</summary>
public class FeatureCacheBenchmarks
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mentor-bench-cache");
    private readonly float[] _vector = Enumerable.Range(0, 512).Select(i => (float)i).ToArray();
    private readonly float[] _read = new float[512];
    private FeatureCache _cache = null!;
    private FeatureKey _key;

    [GlobalSetup]
    public void Setup()
    {
        _cache = new FeatureCache(_directory);
        _key = new FeatureKey("benchmark000000", FeatureKey.HashContent("photo"u8));
        _cache.Put(_key, _vector);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public bool Hit() => _cache.TryGet(_key, _read);

    [Benchmark]
    public void Write() => _cache.Put(_key, _vector);

    [Benchmark]
    public string HashPhoto() => FeatureKey.HashContent(_photo);

    private readonly byte[] _photo = File.ReadAllBytes(BenchData.ClothingPhotos(1)[0]);
}
