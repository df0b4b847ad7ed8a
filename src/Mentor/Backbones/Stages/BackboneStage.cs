namespace Mentor.Backbones;

/// <summary>One stage of a CNN backbone: its name (e.g. <c>layer3</c>) and the graph value it ends with.</summary>
public sealed record BackboneStage(string Name, string Value);
