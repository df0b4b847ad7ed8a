using Mentor.Fuzz.Targets;

namespace Mentor.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
        [new ImageTarget(), new ModelTarget(), new HeadTarget(), new SpecTarget(), new UploadTarget(), new ParquetTarget()];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
