namespace Mentor.Heads;

/// <summary>How one head kind is read back from a model file: its name in the metadata and its reader.</summary>
/// <param name="Kind">The name the head writes as <see cref="ClassifierHead.Kind"/>.</param>
/// <param name="Read">Rebuilds the head from the constants its export wrote.</param>
internal sealed record HeadFormat(string Kind, Func<HeadGraph, ClassifierHead> Read);
