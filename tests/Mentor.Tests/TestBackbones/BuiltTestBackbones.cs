using System.Collections.Concurrent;
using Mentor.TestBackbones;

namespace Mentor.Tests.TestBackbones;

/// <summary>Each test backbone built once per test run (a re-wrapped ResNet-18 takes seconds to build); the bytes are read-only.</summary>
internal static class BuiltTestBackbones
{
    private static readonly ConcurrentDictionary<string, Lazy<TestBackbone>> Built = new();

    public static TestBackbone Get(string name) =>
        Built.GetOrAdd(name, n => new Lazy<TestBackbone>(() => TestBackboneCatalog.Get(n).Build())).Value;
}
