using Mentor.Backbones;

namespace Mentor.Tests.Support;

/// <summary>One ResNet-18 session for the whole test run (loading takes a second; the session is read-only).</summary>
public sealed class SharedBackbone : IDisposable
{
    private readonly object _gate = new();

    public SharedBackbone()
    {
        CacheDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mentor-tests", "backbone-cache");
        Backbone = Backbone.Load("resnet18", BackboneOptions.Default with { CacheDirectory = CacheDirectory });
    }

    public string CacheDirectory { get; }

    public Backbone Backbone { get; }

    /// <summary>Runs <paramref name="action"/> with exclusive use of the session.</summary>
    public T Use<T>(Func<Backbone, T> action)
    {
        lock (_gate) return action(Backbone);
    }

    public void Dispose() => Backbone.Dispose();
}

/// <summary>Tests that run backbones, one at a time (two cores): the fp32 session and the int8 one share this collection.</summary>
[CollectionDefinition(Name)]
public sealed class BackboneCollection : ICollectionFixture<SharedBackbone>, ICollectionFixture<Quantization.Int8Fixture>
{
    public const string Name = "backbone";
}
