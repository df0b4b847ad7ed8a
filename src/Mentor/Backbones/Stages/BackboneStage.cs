namespace Mentor.Backbones;

/// <summary>One stage of a CNN backbone: its name (e.g. <c>layer3</c>) and the graph value it ends with.</summary>
/// <param name="Name">The stage's name, <c>layer0</c> for the first (closest to the input) onwards.</param>
/// <param name="Value">The ONNX graph value the stage ends with: where a <see cref="BackbonePart"/> can cut the backbone.</param>
public sealed record BackboneStage(string Name, string Value);
