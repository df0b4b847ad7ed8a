using Mentor.Backbones;
using Mentor.TestBackbones;

namespace Mentor.Tests.Backbones;

/// <summary>
/// Every backbone the tests know, by a short key: the built-in, and the generated test backbones as spec files and as
/// bare ONNX files (written once per test run to a temporary folder).
/// </summary>
internal static class TestBackboneFiles
{
    private static readonly Lazy<string> Folder = new(Write);

    /// <summary>Keys: a built-in name, <c>&lt;test backbone&gt;.json</c> or <c>&lt;test backbone&gt;.onnx</c>.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        [.. BackboneRegistry.Names, .. TestBackboneCatalog.All.Select(e => e.Name + ".json"), TorchvisionResNet18.Name + ".onnx"];

    /// <summary>The string to pass as a backbone for <paramref name="key"/>.</summary>
    public static string Backbone(string key) => BackboneRegistry.Names.Contains(key) ? key : Path.Combine(Folder.Value, key);

    private static string Write()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mentor-tests", "test-backbones-" + Environment.ProcessId);
        foreach (var entry in TestBackboneCatalog.All) entry.Build().WriteTo(folder);
        return folder;
    }
}
