namespace Mentor.TestBackbones;

/// <summary>Every test backbone, registered explicitly by name.</summary>
public static class TestBackboneCatalog
{
    public static IReadOnlyList<TestBackboneEntry> All { get; } =
    [
        new(TorchvisionResNet18.Name, TorchvisionResNet18.Build),
        new(TensorFlowResNet18.Name, TensorFlowResNet18.Build),
        new(ImageNetZooResNet18.Name, ImageNetZooResNet18.Build),
        new(RandomCnn.Name, () => RandomCnn.Build()),
        new(RandomCnn.FixedBatchName, () => RandomCnn.Build(fixedBatch: true)),
        new(TinyEncoder.Name, () => TinyEncoder.Build()),
        new(TinyEncoder.FixedBatchName, () => TinyEncoder.Build(fixedBatch: true)),
    ];

    /// <summary>The entry named <paramref name="name"/>.</summary>
    public static TestBackboneEntry Get(string name) =>
        All.SingleOrDefault(e => e.Name == name) ?? throw new ArgumentException($"unknown test backbone '{name}'; known: {string.Join(", ", All.Select(e => e.Name))}", nameof(name));
}
