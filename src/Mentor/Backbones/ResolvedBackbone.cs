namespace Mentor.Backbones;

/// <summary>A backbone named on the command line or in options, resolved to its spec.</summary>
/// <param name="Spec">The spec.</param>
/// <param name="Findings">What was read or detected and why, one line each (for <c>backbones inspect</c>).</param>
/// <param name="Assumptions">What was assumed for lack of information (front ends show these as warnings).</param>
public sealed record ResolvedBackbone(BackboneSpec Spec, IReadOnlyList<string> Findings, IReadOnlyList<string> Assumptions);
