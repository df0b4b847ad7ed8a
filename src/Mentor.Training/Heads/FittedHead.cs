using Mentor.Heads;

namespace Mentor.Training.Heads;

/// <summary>A head fitted by an <see cref="IHeadKind"/>, and what its search chose (e.g. <c>C=0.01</c>, <c>k=5</c>, <c>epoch=37</c>).</summary>
public sealed record FittedHead(ClassifierHead Head, string Chosen);
