namespace Mentor.TestBackbones;

/// <summary>A test backbone the catalog knows: its name and how to build it.</summary>
public sealed record TestBackboneEntry(string Name, Func<TestBackbone> Build)
{
    public override string ToString() => Name;
}
